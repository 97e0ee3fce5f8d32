using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>Prepared members added at once give the document that adding each member with its own calls gives.</summary>
public sealed class PreparedMembersTests
{
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
