namespace GrokFlow.Engine.Search;

/// <summary>The tags and attributes of an event, as a search query reads them.</summary>
public interface ISearchEventFields
{
    /// <summary>How many tags the event has.</summary>
    int TagCount { get; }

    /// <summary>The tag at <paramref name="index"/> as written, UTF-8: <c>env:prod</c> or a bare <c>beta</c>.</summary>
    ReadOnlySpan<byte> Tag(int index);

    /// <summary>
    /// Calls <paramref name="matcher"/> with each value found at <paramref name="path"/> (each element, recursively,
    /// when the value or an object on the way is an array) until it returns true. Returns whether one did; false when
    /// the attribute is absent.
    /// </summary>
    bool AnyAttributeValue(SearchAttributePath path, ISearchValueMatcher matcher);
}
