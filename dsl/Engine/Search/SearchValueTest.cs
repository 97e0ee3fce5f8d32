namespace GrokFlow.Engine.Search;

/// <summary>What a <c>key:value</c> term asks of the values it finds: text of reserved fields and tags, typed attribute values.</summary>
internal abstract class SearchValueTest : ISearchValueMatcher
{
    /// <summary>Tests a reserved field or a tag value (case-insensitively, as Datadog does for them).</summary>
    public abstract bool MatchesText(ReadOnlySpan<byte> text);

    /// <summary>Tests one attribute value (case-sensitively).</summary>
    public abstract bool Matches(scoped in SearchValue value);
}
