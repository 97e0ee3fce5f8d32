namespace GrokFlow.Engine.Events;

/// <summary>
/// The reserved fields an event enters the pipelines with, as its source gives them (UTF-8; empty means absent):
/// the raw <c>message</c>, <c>ddsource</c>, <c>service</c>, <c>ddtags</c> (comma-separated <c>key:value</c>),
/// <c>hostname</c> and <c>status</c>. <see cref="AttributesRoot"/> names the one top-level object the source adds
/// attributes under (<c>syslog</c>), if any.
/// </summary>
public readonly ref struct EventFields
{
    public EventFields(ReadOnlySpan<byte> message, ReadOnlySpan<byte> source = default, ReadOnlySpan<byte> service = default,
        ReadOnlySpan<byte> tags = default, ReadOnlySpan<byte> hostname = default, ReadOnlySpan<byte> status = default,
        ReadOnlySpan<byte> attributesRoot = default)
    {
        Message = message;
        Source = source;
        Service = service;
        Tags = tags;
        Hostname = hostname;
        Status = status;
        AttributesRoot = attributesRoot;
    }

    public ReadOnlySpan<byte> Message { get; }
    public ReadOnlySpan<byte> Source { get; }
    public ReadOnlySpan<byte> Service { get; }
    public ReadOnlySpan<byte> Tags { get; }
    public ReadOnlySpan<byte> Hostname { get; }
    public ReadOnlySpan<byte> Status { get; }
    public ReadOnlySpan<byte> AttributesRoot { get; }
}
