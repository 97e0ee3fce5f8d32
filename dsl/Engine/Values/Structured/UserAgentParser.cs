using System.Text;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Values.Structured.UserAgent;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>useragent</c> filter and the user-agent parser: ua-parser's database (<see cref="UapRegexes"/>, uap-core
/// 0.18.0, which Datadog's parser follows) gives Datadog's shape, <c>{"browser": {"family", "major", "minor",
/// "patch", "patch_minor"}, "os": {"family", "major", "minor", "patch", "patch_minor"}, "device": {"family", "brand",
/// "model", "category"}}</c>: the first matching parser of each kind, its replacements filled from the match, versions
/// as strings, empty parts left out, <c>Other</c> when nothing matches. <c>category</c> is Datadog's own: <c>Bot</c>
/// for spiders, <c>Tablet</c> and <c>Mobile</c> for tablets and phones, <c>Desktop</c> for desktop systems (Windows,
/// Mac OS X, Linux and its distributions, Chrome OS, the BSDs), <c>Other</c> otherwise.
/// </summary>
internal static class UserAgentParser
{
    private static readonly HashSet<string> DesktopSystems =
    [
        "Windows", "Mac OS X", "Mac OS", "Linux", "Ubuntu", "Debian", "Fedora", "Red Hat", "CentOS", "SUSE", "openSUSE", "Mint",
        "Linux Mint", "Gentoo", "Mandriva", "Slackware", "Arch Linux", "Chrome OS", "FreeBSD", "OpenBSD", "NetBSD", "Solaris", "Kubuntu",
    ];

    private static readonly HashSet<string> MobileSystems = ["iOS", "Android", "Windows Phone", "BlackBerry OS", "Symbian OS", "Firefox OS", "KaiOS"];

    /// <summary>
    /// Decodes a user agent given encoded (the filter's <c>decodeuricomponent</c>, the step's <c>is_encoded</c>) into
    /// <paramref name="room"/> (as long as the text); returns its length. Decoded as a form value (Java's URLDecoder):
    /// '+' is a space (IIS writes user agents so).
    /// </summary>
    public static int DecodeEncoded(ReadOnlySpan<byte> encoded, Span<byte> room) => UriDecoding.Decode(encoded, room, plusIsSpace: true);

    public static int Parse(FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var s = text.Span;
        if (s.Length == 0) return -1;
        var fields = Read(s, workspace).Fields;
        var obj = tree.NewObject();
        var group = -1;
        byte[]? groupName = null;
        foreach (var field in fields)
        {
            if (!ReferenceEquals(field.Group, groupName))
            {
                groupName = field.Group;
                group = tree.ChildrenOf(tree.Member(obj, field.Group));
            }
            var room = workspace.ReserveText(field.Value.Length);
            field.Value.CopyTo(room);
            tree.AddValue(tree.Member(group, field.Key), tree.NewScalar(OutputValue.WorkspaceText(workspace.CommitText(field.Value.Length), field.Value.Length)));
        }
        return obj;
    }

    /// <summary>What ua-parser makes of a user agent (UTF-8, not empty): from the workspace's cache when read lately.</summary>
    public static ParsedUserAgent Read(ReadOnlySpan<byte> userAgent, OutputWorkspace workspace)
    {
        var cache = workspace.UserAgents;
        if (!cache.TryGet(userAgent, out var parsed))
        {
            parsed = new ParsedUserAgent(Fields(Encoding.UTF8.GetString(userAgent)));
            cache.Add(userAgent, parsed);
        }
        return parsed;
    }

    private static readonly byte[] Browser = "browser"u8.ToArray(), Os = "os"u8.ToArray(), Device = "device"u8.ToArray();
    private static readonly byte[] FamilyKey = "family"u8.ToArray(), Major = "major"u8.ToArray(), Minor = "minor"u8.ToArray(),
        Patch = "patch"u8.ToArray(), PatchMinor = "patch_minor"u8.ToArray(), Brand = "brand"u8.ToArray(), Model = "model"u8.ToArray(),
        CategoryKey = "category"u8.ToArray();

    /// <summary>What ua-parser's database makes of a user agent, in Datadog's shape and order.</summary>
    private static UserAgentField[] Fields(string userAgent)
    {
        var database = UapRegexes.Instance;
        var fields = new List<UserAgentField>();
        void Add(byte[] group, byte[] key, string? value)
        {
            if (value is not null) fields.Add(new UserAgentField(group, key, Encoding.UTF8.GetBytes(value)));
        }

        var (agent, agentMatch) = database.UserAgents.First(userAgent);
        Add(Browser, FamilyKey, agent?.Field(agentMatch!, "family_replacement", 1) ?? "Other");
        if (agent is not null)
        {
            Add(Browser, Major, agent.Field(agentMatch!, "v1_replacement", 2));
            Add(Browser, Minor, agent.Field(agentMatch!, "v2_replacement", 3));
            Add(Browser, Patch, agent.Field(agentMatch!, "v3_replacement", 4));
            Add(Browser, PatchMinor, agent.Field(agentMatch!, "v4_replacement", 5));
        }

        var (system, systemMatch) = database.Systems.First(userAgent);
        var systemFamily = system?.Field(systemMatch!, "os_replacement", 1) ?? "Other";
        Add(Os, FamilyKey, systemFamily);
        if (system is not null)
        {
            Add(Os, Major, system.Field(systemMatch!, "os_v1_replacement", 2));
            Add(Os, Minor, system.Field(systemMatch!, "os_v2_replacement", 3));
            Add(Os, Patch, system.Field(systemMatch!, "os_v3_replacement", 4));
            Add(Os, PatchMinor, system.Field(systemMatch!, "os_v4_replacement", 5));
        }

        var (hardware, hardwareMatch) = database.Devices.First(userAgent);
        var deviceFamily = hardware?.Field(hardwareMatch!, "device_replacement", 1) ?? "Other";
        Add(Device, FamilyKey, deviceFamily);
        Add(Device, CategoryKey, Category(deviceFamily, systemFamily, userAgent));
        if (hardware is not null)
        {
            Add(Device, Brand, hardware.Field(hardwareMatch!, "brand_replacement", 0));
            Add(Device, Model, hardware.Field(hardwareMatch!, "model_replacement", 1));
        }
        return fields.ToArray();
    }

    /// <summary>Datadog's device category, from what ua-parser found.</summary>
    private static string Category(string deviceFamily, string systemFamily, string userAgent)
    {
        if (deviceFamily == "Spider") return "Bot";
        if (deviceFamily.Contains("Tablet", StringComparison.Ordinal) || deviceFamily.StartsWith("iPad", StringComparison.Ordinal)
            || deviceFamily.StartsWith("Kindle", StringComparison.Ordinal)) return "Tablet";
        if (MobileSystems.Contains(systemFamily))
            return systemFamily == "Android" && !userAgent.Contains("Mobile", StringComparison.Ordinal) ? "Tablet" : "Mobile";
        if (DesktopSystems.Contains(systemFamily) || deviceFamily == "Mac") return "Desktop";
        return "Other";
    }
}
