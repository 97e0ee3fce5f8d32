using System.Text.Json;
using GrokFlow.Engine.Processing;

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
    internal static readonly JsonEncodedText EncodedTimestamp = JsonEncodedText.Encode(Timestamp);
    internal static readonly JsonEncodedText EncodedTraceId = JsonEncodedText.Encode(TraceId);

    /// <summary>
    /// Which of the six fields written first a member name is, from its word and length (<see cref="EventDocument.KeyWord"/>):
    /// the field's place in <see cref="LeadingField"/>, or -1. All six names fit in the word whole.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static LeadingField LeadingOf(ulong word, int length) =>
        length switch
        {
            6 when word == StatusWord => LeadingField.Status,
            6 when word == TagsWord => LeadingField.Tags,
            7 when word == MessageWord => LeadingField.Message,
            7 when word == ServiceWord => LeadingField.Service,
            8 when word == SourceWord => LeadingField.Source,
            8 when word == HostnameWord => LeadingField.Hostname,
            _ => LeadingField.None,
        };

    // The names' words (EventDocument.KeyWordOf: the bytes little-endian, zero-padded) as constants, so that the
    // comparisons above need no static storage.
    internal const ulong MessageWord = (ulong)'m' | (ulong)'e' << 8 | (ulong)'s' << 16 | (ulong)'s' << 24 | (ulong)'a' << 32 | (ulong)'g' << 40 | (ulong)'e' << 48;
    internal const ulong SourceWord = (ulong)'d' | (ulong)'d' << 8 | (ulong)'s' << 16 | (ulong)'o' << 24 | (ulong)'u' << 32 | (ulong)'r' << 40 | (ulong)'c' << 48 | (ulong)'e' << 56;
    internal const ulong ServiceWord = (ulong)'s' | (ulong)'e' << 8 | (ulong)'r' << 16 | (ulong)'v' << 24 | (ulong)'i' << 32 | (ulong)'c' << 40 | (ulong)'e' << 48;
    internal const ulong TagsWord = (ulong)'d' | (ulong)'d' << 8 | (ulong)'t' << 16 | (ulong)'a' << 24 | (ulong)'g' << 32 | (ulong)'s' << 40;
    internal const ulong HostnameWord = (ulong)'h' | (ulong)'o' << 8 | (ulong)'s' << 16 | (ulong)'t' << 24 | (ulong)'n' << 32 | (ulong)'a' << 40 | (ulong)'m' << 48 | (ulong)'e' << 56;
    internal const ulong StatusWord = (ulong)'s' | (ulong)'t' << 8 | (ulong)'a' << 16 | (ulong)'t' << 24 | (ulong)'u' << 32 | (ulong)'s' << 40;

    /// <summary>Whether <paramref name="key"/> is one of the six fields written first (message ... status).</summary>
    public static bool IsLeading(ReadOnlySpan<byte> key) => LeadingOf(EventDocument.KeyWordOf(key), key.Length) != LeadingField.None;
}

/// <summary>The six fields written first, in their order; <see cref="None"/> for any other name.</summary>
internal enum LeadingField
{
    None = -1,
    Message,
    Source,
    Service,
    Tags,
    Hostname,
    Status,
}
