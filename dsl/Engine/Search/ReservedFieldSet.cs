namespace GrokFlow.Engine.Search;

/// <summary>A set of <see cref="SearchReservedField"/>s, one bit each: the reserved fields a query reads.</summary>
[Flags]
public enum ReservedFieldSet : byte
{
    None = 0,
    Service = 1 << SearchReservedField.Service,
    Source = 1 << SearchReservedField.Source,
    Host = 1 << SearchReservedField.Host,
    Status = 1 << SearchReservedField.Status,
    Message = 1 << SearchReservedField.Message,
    All = Service | Source | Host | Status | Message,
}

internal static class ReservedFieldSets
{
    public static ReservedFieldSet Of(SearchReservedField field) => (ReservedFieldSet)(1 << (int)field);

    public static bool Contains(this ReservedFieldSet set, SearchReservedField field) => (set & Of(field)) != 0;
}
