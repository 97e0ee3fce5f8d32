using System.Text.Json;

namespace GrokFlow.Engine.Events;

/// <summary>
/// The names of the reserved fields every event is written with, in the order <see cref="EventWriter"/> writes them.
/// An attribute of one of these names never appears beside the field: the field is written once (see
/// <see cref="EventWriter"/> for which value wins).
/// </summary>
public static class ReservedFields
{
    public static ReadOnlySpan<byte> Message => "message"u8;
    public static ReadOnlySpan<byte> Source => "ddsource"u8;
    public static ReadOnlySpan<byte> Service => "service"u8;
    public static ReadOnlySpan<byte> Tags => "ddtags"u8;
    public static ReadOnlySpan<byte> Hostname => "hostname"u8;
    public static ReadOnlySpan<byte> Status => "status"u8;
    public static ReadOnlySpan<byte> Timestamp => "timestamp"u8;
    public static ReadOnlySpan<byte> TraceId => "dd.trace_id"u8;

    // The same names encoded once as JSON property names, for the writes of every event.
    internal static readonly JsonEncodedText EncodedMessage = JsonEncodedText.Encode(Message);
    internal static readonly JsonEncodedText EncodedSource = JsonEncodedText.Encode(Source);
    internal static readonly JsonEncodedText EncodedService = JsonEncodedText.Encode(Service);
    internal static readonly JsonEncodedText EncodedTags = JsonEncodedText.Encode(Tags);
    internal static readonly JsonEncodedText EncodedHostname = JsonEncodedText.Encode(Hostname);
    internal static readonly JsonEncodedText EncodedStatus = JsonEncodedText.Encode(Status);

    /// <summary>Whether <paramref name="key"/> is one of the six fields written first (message ... status).</summary>
    public static bool IsLeading(ReadOnlySpan<byte> key) =>
        key.Length switch
        {
            6 => key.SequenceEqual(Status) || key.SequenceEqual(Tags),
            7 => key.SequenceEqual(Message) || key.SequenceEqual(Service),
            8 => key.SequenceEqual(Source) || key.SequenceEqual(Hostname),
            _ => false,
        };
}
