using System.Text.Json;
using GrokFlow.Engine.Events;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Tests.TestSupport;
using static GrokFlow.Tests.TestSupport.DocumentByWriterCalls;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// An event document written as one raw JSON text (<c>EventDocument.Json.cs</c>, and <see cref="EventWriter"/>'s
/// attributes) against its oracle, the writer's own calls for every name, value and bracket: random documents whose
/// names and strings hold quotes, backslashes, control characters, non-ASCII text, U+2028, emoji and invalid UTF-8,
/// with objects and arrays up to 70 levels deep.
/// </summary>
public sealed class DocumentJsonTests
{
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "http"u8.ToArray(), "status_code"u8.ToArray(), "x.y"u8.ToArray(), "q\"uote"u8.ToArray(),
        "back\\slash"u8.ToArray(), "ctl\u0001\t\n"u8.ToArray(), "caf\u00e9"u8.ToArray(), "\u4e2d"u8.ToArray(),
        "\ud83d\ude00"u8.ToArray(), "\u2028"u8.ToArray(), "<tag>&'+"u8.ToArray(), "\u00a0\u00ad"u8.ToArray(),
        "a fairly long piece of text, longer than one vector of sixteen bytes"u8.ToArray(), [0xC3, 0x28], [0xFF], [],
    ];

    [Fact]
    public void A_document_is_written_as_the_writer_writes_it_call_by_call()
    {
        var random = new Random(20261207);
        var document = new EventDocument();
        for (var i = 0; i < 3000; i++)
        {
            document.Reset();
            Fill(document, EventDocument.Root, random, depth: 0, deepest: i % 50 == 0 ? 70 : 4);
            Assert.Equal(Outcome(w => DocumentByWriterCalls.WriteValue(document, w, EventDocument.Root)), Outcome(w => document.WriteValue(w, EventDocument.Root)));
        }
    }

    [Fact]
    public void An_event_without_reserved_fields_writes_its_attributes_as_the_writer_writes_them()
    {
        var random = new Random(7);
        var document = new EventDocument();
        var context = new ParseContext();
        for (var i = 0; i < 3000; i++)
        {
            document.Reset();
            Fill(document, EventDocument.Root, random, depth: 0, deepest: i % 50 == 0 ? 70 : 3);
            Assert.Equal(Outcome(w => DocumentByWriterCalls.WriteValue(document, w, EventDocument.Root)), Outcome(w => EventWriter.Write(document, w, context)));
        }
    }

    private static void Fill(EventDocument document, int node, Random random, int depth, int deepest)
    {
        var isObject = document.KindOf(node) == EventValueKind.Object;
        var count = depth >= deepest ? 0 : depth > 4 ? 1 : random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var child = isObject ? document.AddMember(node, Text(random)) : document.AddElement(node);
            switch (depth > 4 ? 0 : random.Next(8))
            {
                case 0: document.SetObject(child); Fill(document, child, random, depth + 1, deepest); break;
                case 1: document.SetArray(child); Fill(document, child, random, depth + 1, deepest); break;
                case 2: document.SetNumberText(child, random.Next(2) == 0 ? "1.50"u8 : "-12"u8); break;
                case 3: document.SetBool(child, random.Next(2) == 0); break;
                case 4: document.SetNull(child); break;
                default: document.SetString(child, Text(random)); break;
            }
        }
    }

    private static byte[] Text(Random random)
    {
        var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]);
        // Mostly valid text: invalid bytes in one piece in four only.
        var text = parts.SelectMany(p => p).ToArray();
        return System.Text.Unicode.Utf8.IsValid(text) || random.Next(4) == 0 ? text : "plain"u8.ToArray();
    }
}
