using System.Text;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// <see cref="EventDocument.Find(int, ReadOnlySpan{byte})"/> at the top level, which tells most absent names without a
/// scan, against the scan itself (the members walked in order, names compared): random members added, merged from
/// JSON, copied in, removed, among names enough to share the shortcut's bits.
/// </summary>
public sealed class DocumentRootLookupTests
{
    private static readonly string[] Names =
        [.. Enumerable.Range(0, 48).Select(i => i % 3 == 0 ? $"k{i}" : i % 3 == 1 ? $"name.{i}x" : new string((char)('a' + i % 26), 1 + i % 5)), ""];

    [Fact]
    public void Top_level_members_are_found_as_the_scan_finds_them()
    {
        var random = new Random(1208);
        var document = new EventDocument();
        for (var step = 0; step < 20_000; step++)
        {
            var name = Encoding.UTF8.GetBytes(Names[random.Next(Names.Length)]);
            switch (random.Next(10))
            {
                case 0:
                    document.Reset();
                    break;
                case 1:
                    document.MergeObject(Encoding.UTF8.GetBytes("{\"" + Names[random.Next(Names.Length)] + "\":1,\"" + Names[random.Next(Names.Length)] + "\":{\"x\":2}}"));
                    break;
                case 2 when document.FirstChild(EventDocument.Root) is var first and not EventDocument.None:
                    document.Remove(first);
                    break;
                case 3:
                    // A copy of an object's members becomes the whole top level.
                    var source = document.AddMember(EventDocument.Root, "src"u8);
                    document.SetObject(source);
                    for (var i = random.Next(4); i > 0; i--) document.SetString(document.AddMember(source, Encoding.UTF8.GetBytes(Names[random.Next(Names.Length)])), "v"u8);
                    document.CopyValue(source, EventDocument.Root);
                    break;
                default:
                    document.SetString(document.AddMember(EventDocument.Root, name), "v"u8);
                    break;
            }
            foreach (var looked in Names.Append("src"))
            {
                var key = Encoding.UTF8.GetBytes(looked);
                Assert.Equal(Scan(document, key), document.Find(EventDocument.Root, key));
            }
        }
    }

    private static int Scan(EventDocument document, byte[] key)
    {
        for (var child = document.FirstChild(EventDocument.Root); child != EventDocument.None; child = document.NextSibling(child))
        {
            if (document.KeyOf(child).SequenceEqual(key)) return child;
        }
        return EventDocument.None;
    }
}
