namespace GrokFlow.Engine.Search;

/// <summary>An event a search query can read entirely through one object (reserved fields, tags and attributes).</summary>
public interface ISearchableEvent : ISearchEventFields
{
    /// <summary>The reserved field as UTF-8; empty when the event has none.</summary>
    ReadOnlySpan<byte> Reserved(SearchReservedField field);
}
