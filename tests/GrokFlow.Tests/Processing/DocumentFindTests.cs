using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// <see cref="EventDocument.Find(int, ReadOnlySpan{byte})"/>, which compares each member's first eight bytes as one
/// word and skips objects whose member bits exclude the name, against its oracle, a walk comparing every member's name
/// byte by byte: random documents whose names share prefixes, differ past the eighth byte, hold zero bytes and dots,
/// changed by removals, replacements, copies, prepared members and wrapping in arrays.
/// </summary>
public sealed class DocumentFindTests
{
    private static readonly byte[][] Names =
    [
        ""u8.ToArray(), "a"u8.ToArray(), "ab"u8.ToArray(), "abc"u8.ToArray(), "a\0"u8.ToArray(), "\0"u8.ToArray(),
        "http"u8.ToArray(), "status"u8.ToArray(), "status\0"u8.ToArray(), "message"u8.ToArray(), "message\0"u8.ToArray(),
        "status_code"u8.ToArray(), "status_category"u8.ToArray(), "status_c"u8.ToArray(), "status_co"u8.ToArray(),
        "x.y"u8.ToArray(), "url_details"u8.ToArray(), "url_detail"u8.ToArray(), "caf\u00e9"u8.ToArray(),
        "a name longer than sixteen bytes"u8.ToArray(), "a name longer than sixteen bytez"u8.ToArray(),
    ];

    [Fact]
    public void Find_gives_the_first_member_whose_name_has_the_same_bytes()
    {
        var random = new Random(20261207);
        var document = new EventDocument();
        for (var round = 0; round < 2000; round++)
        {
            document.Reset();
            var objects = new List<int> { EventDocument.Root };
            for (var step = 0; step < 40; step++) Change(document, objects, random);
            foreach (var obj in objects)
            {
                foreach (var name in Names) Assert.Equal(FindByBytes(document, obj, name), document.Find(obj, name));
            }
        }
    }

    private static void Change(EventDocument document, List<int> objects, Random random)
    {
        var obj = objects[random.Next(objects.Count)];
        if (document.KindOf(obj) != EventValueKind.Object) return;
        var name = Names[random.Next(Names.Length)];
        switch (random.Next(11))
        {
            case 0 or 1 or 2 or 3:
                document.SetString(document.AddMember(obj, name), "v"u8);
                break;
            case 4:
                var child = document.AddMember(obj, name);
                document.SetObject(child);
                objects.Add(child);
                break;
            case 5:
                if (document.Find(obj, name) is var removed && removed != EventDocument.None) document.Remove(removed);
                break;
            case 6:
                document.SetString(obj, "no longer an object"u8);
                break;
            case 7:
                document.SetObject(obj);
                break;
            case 8:
                var target = document.AddMember(obj, name);
                document.CopyValue(objects[random.Next(objects.Count)], target);
                objects.Add(target);
                break;
            case 9:
                var prepared = new PreparedMembers.Builder();
                var group = prepared.AddObject(-1, name);
                prepared.AddString(group, Names[random.Next(Names.Length)], "v"u8);
                prepared.AddString(-1, Names[random.Next(Names.Length)], "w"u8);
                var before = document.ChildCount(obj);
                document.AddMembers(obj, prepared.Build());
                var added = document.FirstChild(obj);
                for (var k = 0; k < before; k++) added = document.NextSibling(added);
                objects.Add(added);
                break;
            default:
                var wrapped = document.FirstChild(obj);
                if (wrapped == EventDocument.None) break;
                document.WrapInArray(wrapped);
                objects.Add(document.FirstChild(wrapped));
                break;
        }
    }

    /// <summary>The oracle: the first member whose name has the bytes, by walking them all.</summary>
    private static int FindByBytes(EventDocument document, int obj, byte[] name)
    {
        if (document.KindOf(obj) != EventValueKind.Object) return EventDocument.None;
        for (var child = document.FirstChild(obj); child != EventDocument.None; child = document.NextSibling(child))
        {
            if (document.KeyOf(child).SequenceEqual(name)) return child;
        }
        return EventDocument.None;
    }
}
