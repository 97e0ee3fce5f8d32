namespace GrokFlow.Language.Search;

/// <summary>
/// A Datadog log search query as read by <see cref="SearchSyntaxParser"/>: what it says, not how it is evaluated (the
/// engine builds a matcher from it). An empty query is <see cref="All"/>.
/// </summary>
public abstract record SearchSyntax
{
    private protected SearchSyntax() { }

    /// <summary>The query that matches every log: empty, or a lone <c>*</c>.</summary>
    public static SearchSyntax All { get; } = new AllSearch();
}

public sealed record AllSearch : SearchSyntax;

public sealed record AndSearch(SearchSyntax Left, SearchSyntax Right) : SearchSyntax;

public sealed record OrSearch(SearchSyntax Left, SearchSyntax Right) : SearchSyntax;

public sealed record NotSearch(SearchSyntax Inner) : SearchSyntax;

/// <summary>A bare or quoted term searched in the message.</summary>
public sealed record FreeTextSearch(SearchText Text) : SearchSyntax;

/// <summary><c>key:value</c>: <c>@path</c> an attribute; <c>service</c>, <c>source</c>, <c>host</c>, <c>status</c>;
/// <c>tags</c> any whole tag; any other key a tag key.</summary>
public sealed record TermSearch(string Key, SearchValueSyntax Value) : SearchSyntax;

/// <summary>The value side of a term.</summary>
public abstract record SearchValueSyntax
{
    private protected SearchValueSyntax() { }
}

/// <summary>A value with optional wildcards, or a quoted value (no wildcards).</summary>
public sealed record PatternValue(SearchText Text) : SearchValueSyntax;

/// <summary><c>[a TO b]</c>, <c>{a TO b}</c>, <c>&gt;a</c>, <c>&lt;=b</c>: a missing bound is an open end.</summary>
public sealed record RangeValue(SearchBound? Lower, SearchBound? Upper) : SearchValueSyntax;

/// <summary><c>CIDR(@key, net, ...)</c>: each network as written, checked by <see cref="IpNetworkText"/>.</summary>
public sealed record CidrValue(IReadOnlyList<string> Networks) : SearchValueSyntax;

/// <summary>Text with escapes removed, and which of its characters are unescaped <c>*</c>/<c>?</c> wildcards.</summary>
public sealed record SearchText(string Text, IReadOnlyList<int> Wildcards);

/// <summary>One end of a range or comparison, and whether the end itself is in.</summary>
public sealed record SearchBound(string Text, bool Inclusive);
