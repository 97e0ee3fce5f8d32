using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// The oracle of the document's JSON writing: every name, value and bracket through its own <see cref="Utf8JsonWriter"/>
/// call, on a writer with the relaxed encoder, and what comes out of it.
/// </summary>
internal static class DocumentByWriterCalls
{
    /// <summary>Writes the value at <paramref name="node"/> one writer call per name, value and bracket.</summary>
    public static void WriteValue(EventDocument document, Utf8JsonWriter writer, int node)
    {
        switch (document.KindOf(node))
        {
            case EventValueKind.Object:
                writer.WriteStartObject();
                for (var child = document.FirstChild(node); child != EventDocument.None; child = document.NextSibling(child))
                {
                    writer.WritePropertyName(document.KeyOf(child));
                    WriteValue(document, writer, child);
                }
                writer.WriteEndObject();
                break;
            case EventValueKind.Array:
                writer.WriteStartArray();
                for (var child = document.FirstChild(node); child != EventDocument.None; child = document.NextSibling(child)) WriteValue(document, writer, child);
                writer.WriteEndArray();
                break;
            case EventValueKind.String: writer.WriteStringValue(document.TextOf(node)); break;
            case EventValueKind.Number: writer.WriteRawValue(document.TextOf(node), skipInputValidation: true); break;
            case EventValueKind.True: writer.WriteBooleanValue(true); break;
            case EventValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>The bytes written (as hex), or the exception's type when the writer refuses (invalid UTF-8).</summary>
    public static string Outcome(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        try
        {
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            write(writer);
            writer.Flush();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "throws " + e.GetType().Name;
        }
        return Convert.ToHexString(output.WrittenSpan);
    }
}
