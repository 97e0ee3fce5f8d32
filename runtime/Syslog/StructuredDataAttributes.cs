using System.Buffers;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// RFC 5424 structured data as event attributes: <c>[exampleSDID@32473 iut="3" eventSource="App"]</c> becomes
/// <c>syslog.structured_data.exampleSDID@32473.iut = "3"</c> and <c>...eventSource = "App"</c> (values are strings,
/// as sent). Written either straight into the event JSON or into the event document when pipelines with processors run.
/// </summary>
internal static class StructuredDataAttributes
{
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("structured_data");
    private static readonly AttributePath Path = new("syslog.structured_data");

    /// <summary>Writes <c>"structured_data": {...}</c> inside the open <c>syslog</c> object.</summary>
    public static void Write(Utf8JsonWriter w, ReadOnlySpan<byte> structuredData)
    {
        if (structuredData.IsEmpty) return;
        var reader = new StructuredDataReader(structuredData);
        var rented = ArrayPool<byte>.Shared.Rent(structuredData.Length);
        try
        {
            var opened = false;
            while (reader.NextElement(out var id))
            {
                if (!opened)
                {
                    w.WriteStartObject(Name);
                    opened = true;
                }
                w.WriteStartObject(id);
                while (reader.NextParameter(out var name, out var raw))
                    w.WriteString(name, StructuredDataReader.Unescape(raw, rented));
                w.WriteEndObject();
            }
            if (opened) w.WriteEndObject();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Loads the same attributes into the event document.</summary>
    public static void Load(EventDocument document, ReadOnlySpan<byte> structuredData)
    {
        if (structuredData.IsEmpty) return;
        var reader = new StructuredDataReader(structuredData);
        var rented = ArrayPool<byte>.Shared.Rent(structuredData.Length);
        try
        {
            var root = EventDocument.None;
            while (reader.NextElement(out var id))
            {
                if (root == EventDocument.None)
                {
                    root = document.GetOrCreate(Path);
                    document.SetObject(root);
                }
                var element = document.Find(root, id);
                if (element == EventDocument.None) element = document.AddMember(root, id);
                if (document.KindOf(element) != EventValueKind.Object) document.SetObject(element);
                while (reader.NextParameter(out var name, out var raw))
                {
                    var node = document.Find(element, name);
                    if (node == EventDocument.None) node = document.AddMember(element, name);
                    document.SetString(node, StructuredDataReader.Unescape(raw, rented));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
