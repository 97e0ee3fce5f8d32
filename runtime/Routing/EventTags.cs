using System.Text;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// A source's configured tags (<c>key:value</c> or bare), parsed once into UTF-8 for filter matching, plus the
/// comma-joined <c>ddtags</c> text Datadog expects.
/// </summary>
internal sealed class EventTags
{
    public static readonly EventTags None = new([]);

    private readonly (byte[] Key, byte[] Value)[] _pairs;
    private readonly byte[][] _whole;

    public EventTags(IReadOnlyList<string> tags)
    {
        Joined = string.Join(',', tags);
        _whole = tags.Select(Encoding.UTF8.GetBytes).ToArray();
        _pairs = tags.Where(t => t.Contains(':'))
            .Select(t => (Encoding.UTF8.GetBytes(t[..t.IndexOf(':')]), Encoding.UTF8.GetBytes(t[(t.IndexOf(':') + 1)..])))
            .ToArray();
    }

    /// <summary>The tags as the <c>ddtags</c> attribute: comma-separated.</summary>
    public string Joined { get; }

    /// <summary>True when a <c>key:value</c> tag with this key has a value the pattern matches.</summary>
    public bool AnyValue(ReadOnlySpan<byte> key, WildcardPattern pattern)
    {
        foreach (var (k, v) in _pairs)
            if (Ascii.EqualsIgnoreCase(k, key) && pattern.IsMatch(v)) return true;
        return false;
    }

    /// <summary>True when a whole tag (as written, e.g. <c>env:prod</c> or <c>beta</c>) matches the pattern.</summary>
    public bool AnyWhole(WildcardPattern pattern)
    {
        foreach (var tag in _whole)
            if (pattern.IsMatch(tag)) return true;
        return false;
    }
}
