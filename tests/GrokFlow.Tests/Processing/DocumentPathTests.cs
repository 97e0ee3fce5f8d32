using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// <see cref="EventDocument.Find(AttributePath, int)"/> and <see cref="EventDocument.GetOrCreate"/> against their
/// definition, written here the plain way (every segmentation of the path tried, nested members first; creation walks
/// the path again from the top): random documents whose member names sometimes hold dots, non-object members on the
/// way, and random paths, found and created in turn on two copies of the document.
/// </summary>
public sealed class DocumentPathTests
{
    private static readonly string[] Names = ["a", "b", "c", "a.b", "b.c", "a.b.c", "x"];

    [Fact]
    public void Paths_are_found_and_created_as_defined()
    {
        var random = new Random(1207);
        var tested = new EventDocument();
        var oracle = new EventDocument();
        for (var i = 0; i < 3000; i++)
        {
            var dotted = i % 2 == 0;
            var seed = random.Next();
            Fill(tested, new Random(seed), dotted);
            Fill(oracle, new Random(seed), dotted);
            for (var k = 0; k < 6; k++)
            {
                var path = new AttributePath(string.Join(".", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Names[random.Next(3)])));
                Assert.Equal(FindByDefinition(oracle, EventDocument.Root, path, 0), tested.Find(path));
                if (random.Next(2) == 0) Assert.Equal(GetOrCreateByDefinition(oracle, path), tested.GetOrCreate(path));
            }
            Assert.Equal(Json(oracle), Json(tested));
        }
    }

    private static void Fill(EventDocument document, Random random, bool dotted)
    {
        document.Reset();
        Add(document, EventDocument.Root, random, dotted, depth: 0);
    }

    private static void Add(EventDocument document, int obj, Random random, bool dotted, int depth)
    {
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var member = document.AddMember(obj, Encoding.UTF8.GetBytes(Names[random.Next(dotted ? Names.Length : 3)]));
            if (depth < 3 && random.Next(3) > 0)
            {
                document.SetObject(member);
                Add(document, member, random, dotted, depth + 1);
            }
            else document.SetString(member, "v"u8);
        }
    }

    private static int FindByDefinition(EventDocument document, int obj, AttributePath path, int first)
    {
        for (var last = first; last < path.SegmentCount; last++)
        {
            var child = document.Find(obj, path.Segments(first, last));
            if (child == EventDocument.None) continue;
            if (last == path.SegmentCount - 1) return child;
            var found = FindByDefinition(document, child, path, last + 1);
            if (found != EventDocument.None) return found;
        }
        return EventDocument.None;
    }

    private static int GetOrCreateByDefinition(EventDocument document, AttributePath path)
    {
        var found = FindByDefinition(document, EventDocument.Root, path, 0);
        if (found != EventDocument.None) return found;
        var obj = EventDocument.Root;
        for (var i = 0; i < path.SegmentCount; i++)
        {
            var child = document.Find(obj, path.Segment(i));
            if (child == EventDocument.None) child = document.AddMember(obj, path.Segment(i));
            if (i == path.SegmentCount - 1) return child;
            if (document.KindOf(child) != EventValueKind.Object) document.SetObject(child);
            obj = child;
        }
        return obj;
    }

    private static string Json(EventDocument document)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output)) document.WriteValue(writer, EventDocument.Root);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
