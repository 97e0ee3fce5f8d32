using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>One field of a parsed user agent: its group (<c>browser</c>, <c>os</c>, <c>device</c>), key and value, in UTF-8.</summary>
internal readonly record struct UserAgentField(byte[] Group, byte[] Key, byte[] Value);

/// <summary>
/// What ua-parser made of one user agent: its fields in Datadog's order (for the filter's tree), and the same as
/// prepared document members (for the parser step, which adds them all at once).
/// </summary>
internal sealed class ParsedUserAgent
{
    public ParsedUserAgent(UserAgentField[] fields)
    {
        Fields = fields;
        var members = new PreparedMembers.Builder();
        var group = -1;
        byte[]? groupName = null;
        foreach (var field in fields)
        {
            if (!ReferenceEquals(field.Group, groupName))
            {
                groupName = field.Group;
                group = members.AddObject(-1, groupName);
            }
            members.AddString(group, field.Key, field.Value);
        }
        Members = members.Build();
    }

    public UserAgentField[] Fields { get; }

    public PreparedMembers Members { get; }
}
