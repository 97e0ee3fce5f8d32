using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>The document operations of the processors' steps against the general ones they stand for.</summary>
public sealed class EventDocumentStepsTests
{
    [Fact]
    public void Getting_a_target_beside_a_found_source_equals_getting_it_from_the_root()
    {
        var random = new Random(9);
        string[] members = ["\"a\":{\"b\":1}", "\"a\":{\"c\":{}}", "\"a\":2", "\"a.b\":3", "\"a.c\":4", "\"x\":{\"a\":{\"b\":5}}", "\"b\":6", "\"c\":7"];
        (string Source, string Target)[] paths = [("a.b", "a.c"), ("a.b", "a.b"), ("b", "c"), ("x.a.b", "x.a.c"), ("a.b", "a.d")];
        for (var i = 0; i < 3000; i++)
        {
            var json = "{" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => members[random.Next(members.Length)])) + "}";
            var (source, target) = paths[random.Next(paths.Length)];
            var beside = new EventDocument();
            var fromRoot = new EventDocument();
            beside.MergeObject(Encoding.UTF8.GetBytes(json));
            fromRoot.MergeObject(Encoding.UTF8.GetBytes(json));
            var found = beside.Find(new AttributePath(source));
            if (found == EventDocument.None) continue;
            beside.SetString(beside.GetOrCreateBeside(found, new AttributePath(target)), "set"u8);
            fromRoot.SetString(fromRoot.GetOrCreate(new AttributePath(target)), "set"u8);
            Assert.True(Json(fromRoot) == Json(beside), $"{json} {source} -> {target}");
        }
    }

    [Fact]
    public void Adding_prepared_members_equals_adding_them_one_by_one()
    {
        var random = new Random(5);
        string[] names = ["family", "major", "a.b", "", "x"];
        for (var i = 0; i < 500; i++)
        {
            var builder = new PreparedMembers.Builder();
            var byHand = new EventDocument();
            var prepared = new EventDocument();
            foreach (var document in new[] { byHand, prepared }) document.MergeObject("""{"before":1,"http":{"url":"/"}}"""u8);
            var target = byHand.AddMember(byHand.Find(EventDocument.Root, "http"u8), "details"u8);
            byHand.SetObject(target);
            var objects = new List<(int Entry, int Node)>();
            for (var m = random.Next(8); m > 0; m--)
            {
                var name = Encoding.UTF8.GetBytes(names[random.Next(names.Length)]);
                var (parent, parentNode) = objects.Count == 0 || random.Next(3) == 0 ? (-1, target) : objects[random.Next(objects.Count)];
                if (random.Next(3) == 0)
                {
                    var entry = builder.AddObject(parent, name);
                    var added = byHand.AddMember(parentNode, name);
                    byHand.SetObject(added);
                    objects.Add((entry, added));
                    continue;
                }
                var value = Encoding.UTF8.GetBytes(random.Next(100).ToString());
                builder.AddString(parent, name, value);
                byHand.SetString(byHand.AddMember(parentNode, name), value);
            }
            var preparedTarget = prepared.AddMember(prepared.Find(EventDocument.Root, "http"u8), "details"u8);
            prepared.SetObject(preparedTarget);
            prepared.AddMembers(preparedTarget, builder.Build());
            prepared.SetString(prepared.AddMember(EventDocument.Root, "after"u8), "z"u8);
            byHand.SetString(byHand.AddMember(EventDocument.Root, "after"u8), "z"u8);
            Assert.Equal(Json(byHand), Json(prepared));
            var dotted = new AttributePath("http.details.a.b");
            Assert.Equal(byHand.Find(dotted) == EventDocument.None, prepared.Find(dotted) == EventDocument.None);
        }
    }

    private static string Json(EventDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            document.WriteMembers(writer, EventDocument.Root);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
