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

    /// <summary>The view of an event that exposes everything through <see cref="ISearchableEvent"/>.</summary>
    public static SearchEvent From(ISearchableEvent e) => new(
        e.Reserved(SearchReservedField.Service),
        e.Reserved(SearchReservedField.Source),
        e.Reserved(SearchReservedField.Host),
        e.Reserved(SearchReservedField.Status),
        e.Reserved(SearchReservedField.Message),
        e);

    public ReadOnlySpan<byte> Reserved(SearchReservedField field) => field switch
    {
        SearchReservedField.Service => Service,
        SearchReservedField.Source => Source,
        SearchReservedField.Host => Host,
        SearchReservedField.Status => Status,
        _ => Message,
    };
}
