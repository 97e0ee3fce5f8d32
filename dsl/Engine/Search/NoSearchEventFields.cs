namespace GrokFlow.Engine.Search;

/// <summary>An event without tags or attributes.</summary>
public sealed class NoSearchEventFields : ISearchEventFields
{
    public static readonly NoSearchEventFields Instance = new();

    private NoSearchEventFields() { }

    public int TagCount => 0;
    public ReadOnlySpan<byte> Tag(int index) => throw new ArgumentOutOfRangeException(nameof(index));
    public bool AnyAttributeValue(SearchAttributePath path, ISearchValueMatcher matcher) => false;
}
