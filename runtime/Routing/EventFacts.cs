using GrokFlow.Engine.Search;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// What a pipeline filter can see of an event before the pipeline runs: the reserved attributes and the message
/// (UTF-8, pointing into the received line) and the source's tags.
/// </summary>
internal readonly ref struct EventFacts(
    ReadOnlySpan<byte> service,
    ReadOnlySpan<byte> source,
    ReadOnlySpan<byte> host,
    ReadOnlySpan<byte> status,
    ReadOnlySpan<byte> message,
    EventTags tags)
{
    public ReadOnlySpan<byte> Service { get; } = service;
    public ReadOnlySpan<byte> Source { get; } = source;
    public ReadOnlySpan<byte> Host { get; } = host;
    public ReadOnlySpan<byte> Status { get; } = status;
    public ReadOnlySpan<byte> Message { get; } = message;
    public EventTags Tags { get; } = tags;

    /// <summary>The same facts as the search engine reads them; no copy, no allocation.</summary>
    public SearchEvent ToSearchEvent() => new(Service, Source, Host, Status, Message, Tags);
}
