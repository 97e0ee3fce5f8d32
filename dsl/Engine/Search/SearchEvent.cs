namespace GrokFlow.Engine.Search;

/// <summary>
/// What a search query sees of one event: the reserved fields as UTF-8 spans (so a caller can point into its own
/// buffers without copying) and the tags and attributes behind <see cref="ISearchEventFields"/>.
/// </summary>
public readonly ref struct SearchEvent(
    ReadOnlySpan<byte> service,
    ReadOnlySpan<byte> source,
    ReadOnlySpan<byte> host,
    ReadOnlySpan<byte> status,
    ReadOnlySpan<byte> message,
    ISearchEventFields? fields)
{
    public ReadOnlySpan<byte> Service { get; } = service;
    public ReadOnlySpan<byte> Source { get; } = source;
    public ReadOnlySpan<byte> Host { get; } = host;
    public ReadOnlySpan<byte> Status { get; } = status;
    public ReadOnlySpan<byte> Message { get; } = message;
    public ISearchEventFields Fields { get; } = fields ?? NoSearchEventFields.Instance;

    /// <summary>
    /// The view of an event that exposes everything through <see cref="ISearchableEvent"/>. Only the reserved fields in
    /// <paramref name="fields"/> are read (the others are empty): looking one up in an event document costs a search.
    /// </summary>
    public static SearchEvent From(ISearchableEvent e, ReservedFieldSet fields = ReservedFieldSet.All) => new(
        Read(e, fields, SearchReservedField.Service),
        Read(e, fields, SearchReservedField.Source),
        Read(e, fields, SearchReservedField.Host),
        Read(e, fields, SearchReservedField.Status),
        Read(e, fields, SearchReservedField.Message),
        e);

    private static ReadOnlySpan<byte> Read(ISearchableEvent e, ReservedFieldSet fields, SearchReservedField field) =>
        fields.Contains(field) ? e.Reserved(field) : [];

    public ReadOnlySpan<byte> Reserved(SearchReservedField field) => field switch
    {
        SearchReservedField.Service => Service,
        SearchReservedField.Source => Source,
        SearchReservedField.Host => Host,
        SearchReservedField.Status => Status,
        _ => Message,
    };
}
