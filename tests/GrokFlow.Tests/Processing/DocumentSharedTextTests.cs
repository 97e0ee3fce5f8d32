using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// Text an event document does not copy: names kept across events (<see cref="DocumentKey"/>), strings and names that
/// are slices of text the document holds, and slices of an ASCII source set without a UTF-8 check. Each is checked
/// against a second document given the same operations through the copying calls (<c>AddMember(obj, bytes)</c>,
/// <c>SetString</c>): the same JSON (written by <see cref="Utf8JsonWriter"/>), the same names and texts, event after event.
/// </summary>
public sealed class DocumentSharedTextTests
{
    private static readonly byte[][] Names =
    [
        ""u8.ToArray(), "a"u8.ToArray(), "status"u8.ToArray(), "message"u8.ToArray(), "x.y"u8.ToArray(), "caf\u00e9"u8.ToArray(),
        "status_category"u8.ToArray(), "a name longer than sixteen bytes"u8.ToArray(),
    ];

    [Fact]
    public void Kept_names_give_the_document_copied_names_give_event_after_event()
    {
        var keys = Names.Select(n => new DocumentKey(n)).ToArray();
        var random = new Random(20261207);
        var kept = new EventDocument();
        var copied = new EventDocument();
        for (var round = 0; round < 500; round++)
        {
            kept.Reset();
            copied.Reset();
            var objects = new List<int> { EventDocument.Root };
            for (var step = 0; step < 30; step++)
            {
                var obj = objects[random.Next(objects.Count)];
                var name = random.Next(Names.Length);
                // Large values now and then, so that the text grows while names are being kept.
                var value = Encoding.UTF8.GetBytes(new string('v', random.Next(4) == 0 ? random.Next(2000) : random.Next(5)));
                switch (random.Next(3))
                {
                    case 0:
                        kept.SetString(kept.AddMember(obj, keys[name]), value);
                        copied.SetString(copied.AddMember(obj, Names[name]), value);
                        break;
                    case 1:
                        var keptMember = kept.FindOrAddMember(obj, keys[name], out var keptAdded);
                        var copiedMember = copied.Find(obj, Names[name]);
                        var copiedAdded = copiedMember == EventDocument.None;
                        if (copiedAdded) copiedMember = copied.AddMember(obj, Names[name]);
                        Assert.Equal(copiedAdded, keptAdded);
                        Assert.Equal(copiedMember, keptMember);
                        kept.SetInteger(keptMember, step);
                        copied.SetInteger(copiedMember, step);
                        break;
                    default:
                        var child = kept.AddMember(obj, keys[name]);
                        Assert.Equal(child, copied.AddMember(obj, Names[name]));
                        kept.SetObject(child);
                        copied.SetObject(child);
                        objects.Add(child);
                        break;
                }
            }
            Assert.Equal(Json(copied), Json(kept));
            foreach (var obj in objects)
            {
                foreach (var name in Names) Assert.Equal(copied.Find(obj, name), kept.Find(obj, name));
            }
        }
    }

    [Fact]
    public void More_keys_than_a_document_keeps_give_the_names_copying_gives()
    {
        // Past the first table's size (it grows) and past the most a document keeps (the rest are copied per event).
        var names = Enumerable.Range(0, EventDocument.MostKeptNames + 500).Select(i => Encoding.UTF8.GetBytes($"key{i}")).ToArray();
        var keys = names.Select(n => new DocumentKey(n)).ToArray();
        var kept = new EventDocument();
        var copied = new EventDocument();
        for (var round = 0; round < 4; round++)
        {
            kept.Reset();
            copied.Reset();
            for (var i = round; i < names.Length; i += 2)
            {
                kept.SetInteger(kept.AddMember(EventDocument.Root, keys[i]), i);
                copied.SetInteger(copied.AddMember(EventDocument.Root, names[i]), i);
            }
            Assert.Equal(Json(copied), Json(kept));
        }
    }

    [Fact]
    public void Slices_of_the_documents_own_text_are_shared_and_read_back_as_set()
    {
        var random = new Random(7);
        var shared = new EventDocument();
        var copied = new EventDocument();
        for (var round = 0; round < 500; round++)
        {
            shared.Reset();
            copied.Reset();
            var message = RandomText(random, ascii: random.Next(2) == 0);
            var sharedMessage = shared.AddMember(EventDocument.Root, "message"u8);
            shared.SetString(sharedMessage, message);
            copied.SetString(copied.AddMember(EventDocument.Root, "message"u8), message);
            shared.NoteAscii(sharedMessage);
            var isAscii = Ascii.IsValid(message);
            for (var step = 0; step < 20; step++)
            {
                // The source as the document holds it now: a large value below may grow the text, after which
                // slices of the span taken before point into the old text and are copied.
                var source = random.Next(3) == 0 ? message.AsSpan() : shared.TextOf(sharedMessage);
                var start = random.Next(message.Length + 1);
                var slice = source.Slice(start, random.Next(message.Length - start + 1));
                var keyStart = random.Next(message.Length + 1);
                var key = source.Slice(keyStart, random.Next(message.Length - keyStart + 1));
                var sharedMember = shared.FindOrAddSharedMember(EventDocument.Root, key, EventDocument.KeyWordOf(key), EventDocument.HoldsDot(key, EventDocument.KeyWordOf(key)), out _);
                var copiedMember = copied.FindOrAddMember(EventDocument.Root, key.ToArray());
                Assert.Equal(copiedMember, sharedMember);
                switch (random.Next(3))
                {
                    case 0:
                        shared.SetSharedString(sharedMember, slice);
                        break;
                    case 1:
                        var inDocument = !Unsafe.AreSame(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(message.AsSpan()));
                        var set = shared.TrySetAsciiSlice(sharedMember, slice);
                        if (!slice.IsEmpty) Assert.Equal(isAscii && inDocument, set);
                        if (!set) shared.SetString(sharedMember, slice);
                        break;
                    default:
                        shared.SetString(sharedMember, Encoding.UTF8.GetBytes(new string('w', random.Next(3000))));
                        copied.SetString(copiedMember, shared.TextOf(sharedMember));
                        continue;
                }
                copied.SetString(copiedMember, slice);
                Assert.True(shared.TextOf(sharedMember).SequenceEqual(slice));
            }
            Assert.Equal(Json(copied), Json(shared));
        }
    }

    private static byte[] RandomText(Random random, bool ascii)
    {
        var text = new StringBuilder();
        var length = random.Next(1, 60);
        for (var i = 0; i < length; i++) text.Append(ascii || random.Next(4) > 0 ? (char)random.Next(' ', 127) : 'é');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Json(EventDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            document.WriteValue(writer, EventDocument.Root);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
