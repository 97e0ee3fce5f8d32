namespace GrokFlow.Runtime.Routing;

/// <summary>
/// What a pipeline filter can see of an event before the pipeline runs: the reserved attributes (UTF-8) and the tags.
/// </summary>
internal readonly ref struct EventFacts(
    ReadOnlySpan<byte> service,
    ReadOnlySpan<byte> source,
    ReadOnlySpan<byte> host,
    ReadOnlySpan<byte> status,
    EventTags tags)
{
    public ReadOnlySpan<byte> Service { get; } = service;
    public ReadOnlySpan<byte> Source { get; } = source;
    public ReadOnlySpan<byte> Host { get; } = host;
    public ReadOnlySpan<byte> Status { get; } = status;
    public EventTags Tags { get; } = tags;
}
