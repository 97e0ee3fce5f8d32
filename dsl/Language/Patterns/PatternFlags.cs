namespace GrokFlow.Language.Patterns;

/// <summary>
/// The inline flags in force at a point of a pattern. A token's expansion (helper, matcher, <c>regex("...")</c>)
/// inherits them, as if its text were written in place: <c>(?-s)%{data}</c> does not cross newlines.
/// </summary>
public readonly record struct PatternFlags(bool IgnoreCase, bool DotAll, bool Multiline)
{
    /// <summary>A rule starts with dot matching newlines (Datadog's multiline default), case-sensitive, single-line anchors.</summary>
    public static PatternFlags Default => new(IgnoreCase: false, DotAll: true, Multiline: false);
}
