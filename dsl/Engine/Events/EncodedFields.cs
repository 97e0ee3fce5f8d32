using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GrokFlow.Engine.Events;

/// <summary>
/// A source's fixed reserved fields (<c>ddsource</c>, <c>service</c>, <c>ddtags</c>), encoded once as JSON members
/// for events whose attributes arrive already serialised (NetFlow flows): see <see cref="EventWriter.TryWrite"/>.
/// </summary>
public sealed class EncodedFields
{
    public EncodedFields(ReadOnlySpan<byte> source, ReadOnlySpan<byte> service, ReadOnlySpan<byte> tags)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (!source.IsEmpty) writer.WriteString(ReservedFields.Source, source);
            if (!service.IsEmpty) writer.WriteString(ReservedFields.Service, service);
            if (!tags.IsEmpty) writer.WriteString(ReservedFields.Tags, tags);
            writer.WriteEndObject();
        }
        Members = buffer.WrittenSpan[1..^1].ToArray();
    }

    /// <summary>The members, without braces: <c>"ddsource":"netflow","service":"x"</c>; empty when none is set.</summary>
    public byte[] Members { get; }
}
