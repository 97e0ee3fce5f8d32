using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Language.Model;
using GrokFlow.Tests.Values;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// A structured rule's output (<c>keyvalue</c>, <c>json</c>, <c>array</c> filters beside plain captures) merged into an
/// event document by a grok step, against its oracle, the JSON round trip: the rule written as JSON by
/// <see cref="OutputWriter.Write"/> with no document, then merged with <see cref="EventDocument.MergeObject"/>. Random
/// rules: shared paths (arrays), a path and its parent both captured, captures that did not participate or whose filter
/// gives nothing or fails, root merges, into a document that already holds some of the members.
/// </summary>
public sealed class StructuredRuleIntoDocumentTests
{
    private const string Existing = """{"message":"m","a":{"keep":1,"x":"old"},"b":"old","c":[1],"k":{"q":1}}""";

    private static readonly string[] Paths = ["a", "b", "c", "a.x", "a.y", "a.x.z", "c.d", "k", "k.q", "n.m", "n.o", "d.e.f", "d.g", "y", "z", "message", ""];

    private static readonly (FilterModel? Filter, string[] Texts)[] Kinds =
    [
        (null, ["plain", "x y", "42"]),
        (new NumericFilter(NumericKind.Integer), ["7", "-3", "no"]),
        (new KeyValueFilter("=", "", "", ""), ["p=1 q=two", "x=1 x.z=2 y=3", "a.b=1 a=2", "nothing here", "k=\"v w\" z=true t=null", "e.f.g=1 e.h=2", "q=5 keep=old",
            "a=1 a.b=2", "a.b=2 a=1 a.c=3", "x..y=1 .z.=2 ...=3", "a.b.c=1 a.b=2 a.b.d=3", "keep.n=1 keep=2 keep.m=3", "x=1 y=2 x=3",
            "a.x=1 b=2 a.y=3", "é.ü=1 é=x", "d.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d=1 e=2"]),
        (new JsonFilter(), ["""{"x":1,"a":{"y":2}}""", """{"z":[1,{"b":null},[],{}]}""", "[1,2]", "\"s\"", "not json", "{}", """{"keep":{"n":1},"a":{"x":{"x":1},"x.q":2}}""", """{"e":null,"f":[]}"""]),
        (new ArrayFilter("[", "]", ",", null), ["[1,2,3]", "[a]", "nope"]),
    ];

    /// <summary>Key-value texts for a root merge after plain captures, naming the same paths as they do and others.</summary>
    private static readonly string[] RootMergeTexts =
        ["a=1 b.c=2", "a.x=5 c=3", "a.x.z=1 a.w=2", "k.q=9 message=hi", "n.m=1 n=2", "y=1 y.z=2", "c.d.e=1", "d.e.f.g=2 d.g=3", "nothing", "z=1 z=2 q=3",
         "message.x=1 a=2 message=3", ".a..x.=1", "c=1 c.d=2", "k.q.r=1 k=2 k.s=3", "p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g=1"];

    [Fact]
    public void Random_rules_give_the_document_the_JSON_round_trip_gives() => RandomRules(new Random(20261207), rootMergeLast: false);

    [Fact]
    public void Random_rules_with_a_key_value_root_merge_last_give_the_document_the_JSON_round_trip_gives() =>
        RandomRules(new Random(7), rootMergeLast: true);

    private static void RandomRules(Random random, bool rootMergeLast)
    {
        for (var round = 0; round < 4000; round++)
        {
            var count = random.Next(1, 8);
            var captures = ImmutableArray.CreateBuilder<CaptureModel>();
            var texts = new List<string?>();
            var anyStructured = false;
            for (var i = 0; i < count; i++)
            {
                var (filter, choices) = Kinds[random.Next(Kinds.Length)];
                var path = Paths[random.Next(Paths.Length)];
                // A root merge (empty path) is a structured filter's.
                if (path.Length == 0 && filter is not (KeyValueFilter or JsonFilter)) path = "b";
                anyStructured |= filter is KeyValueFilter or JsonFilter or ArrayFilter || path.Length == 0;
                captures.Add(new CaptureModel(i, path.Length == 0 ? [] : [.. path.Split('.')], ValueConversion.Text, filter, "%{...}"));
                texts.Add(random.Next(5) == 0 ? null : choices[random.Next(choices.Length)]);
            }
            if (rootMergeLast)
            {
                // Plain captures only, then the root merge.
                for (var i = 0; i < captures.Count; i++)
                {
                    var path = captures[i].Path.Length == 0 ? ["b"] : captures[i].Path;
                    var plain = random.Next(2) == 0;
                    captures[i] = captures[i] with { Path = path, Filter = plain ? null : new NumericFilter(NumericKind.Integer) };
                    if (texts[i] is not null) texts[i] = plain ? "text" : random.Next(3).ToString();
                }
                captures.Add(new CaptureModel(count, [], ValueConversion.Text, new KeyValueFilter("=", "", "", ""), "%{...}"));
                texts.Add(random.Next(8) == 0 ? null : RootMergeTexts[random.Next(RootMergeTexts.Length)]);
            }
            else if (!anyStructured) continue;
            var (input, slots) = Line(texts);
            var plan = OutputPlan.Create([.. captures.ToImmutable()]);
            var expected = ThroughJson(plan, input, slots);
            var actual = IntoDocument(plan, input, slots);
            Assert.True(expected == actual, $"rule {string.Join(" ", captures.Select((c, i) => $"{c.PathText}:{c.Filter?.Name}={texts[i] ?? "(none)"}"))}\n expected {expected}\n   actual {actual}");
        }
    }

    private static (byte[] Input, int[] Slots) Line(List<string?> texts)
    {
        var line = new StringBuilder();
        var slots = new int[2 * texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is not { } text)
            {
                slots[2 * i] = slots[2 * i + 1] = -1;
                continue;
            }
            slots[2 * i] = line.Length;
            line.Append(text);
            slots[2 * i + 1] = line.Length;
            line.Append('|');
        }
        return (Encoding.UTF8.GetBytes(line.ToString()), slots);
    }

    private static ParseContext NewContext() => new(new FixedClock(new DateTimeOffset(2021, 3, 15, 10, 0, 0, TimeSpan.Zero)));

    private static string ThroughJson(OutputPlan plan, byte[] input, int[] slots)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(buffer))
        {
            writer.WriteStartObject();
            OutputWriter.Write(plan, input, slots, writer, NewContext());
            writer.WriteEndObject();
        }
        var document = Document();
        document.MergeObject(buffer.WrittenSpan);
        return Json(document);
    }

    private static string IntoDocument(OutputPlan plan, byte[] input, int[] slots)
    {
        var context = NewContext();
        var document = Document();
        var writer = context.Processing.BeginGrokInto(document, context);
        OutputWriter.Write(plan, input, slots, writer, context);
        context.Processing.EndGrokInto(document, context, matched: true);
        return Json(document);
    }

    private static EventDocument Document()
    {
        var document = new EventDocument();
        document.MergeObject(Encoding.UTF8.GetBytes(Existing));
        return document;
    }

    private static string Json(EventDocument document)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(output)) document.WriteValue(writer, EventDocument.Root);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static Utf8JsonWriter NewWriter(ArrayBufferWriter<byte> buffer) =>
        new(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
}
