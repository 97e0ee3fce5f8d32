using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Filters;

/// <summary>Structured filters build their tree in pooled storage: after warm-up a line allocates nothing.</summary>
public sealed class StructuredAllocationTests
{
    private static CaptureModel Capture(int slot, string path, FilterModel? filter) =>
        new(slot, path.Length == 0 ? [] : [.. path.Split('.')], ValueConversion.Text, filter, "%{...}");

    [Fact]
    public void StructuredLinesAllocateNothingAfterWarmUp()
    {
        var line = """"a=1 b="two" c.d=x|[1;2;3]|{"j":{"k":[true,"s\n"]}}|x,"y ""q""",3|/p?q=1&r=%20|<r a="1"><s>t</s></r>|{k => "v"}|curl/8.1.2"""";
        var parts = line.Split('|');
        var captures = ImmutableArray.Create(
            Capture(0, "", KeyValueFilter.Default),
            Capture(1, "list", new ArrayFilter("[", "]", ";", new NumericFilter(NumericKind.Integer))),
            Capture(2, "", new JsonFilter()),
            Capture(3, "csv", new CsvFilter("a,b,c", ',', '"')),
            Capture(4, "url", new UrlFilter()),
            Capture(5, "xml", new XmlFilter()),
            Capture(6, "ruby", new RubyHashFilter()),
            Capture(7, "ua", new UserAgentFilter(false)));
        var plan = OutputPlan.Create(captures);
        var input = Encoding.UTF8.GetBytes(line);
        var slots = new int[2 * parts.Length];
        var offset = 0;
        for (var k = 0; k < parts.Length; k++)
        {
            slots[2 * k] = offset;
            slots[2 * k + 1] = offset + Encoding.UTF8.GetByteCount(parts[k]);
            offset = slots[2 * k + 1] + 1;
        }
        var buffer = new ArrayBufferWriter<byte>(8192);
        var writer = new Utf8JsonWriter(buffer);
        var context = new ParseContext();

        void WriteLine()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            OutputWriter.Write(plan, input, slots, writer, context);
            writer.WriteEndObject();
            writer.Flush();
        }

        var allocated = Allocations.OfRepeated(WriteLine);

        var expected = """
            {"a":1,"b":"two","c":{"d":"x"},"list":[1,2,3],"j":{"k":[true,"s\n"]},"csv":{"a":"x","b":"y \"q\"","c":3},
             "url":{"path":"/p","queryString":{"q":"1","r":"%20"}},"xml":{"r":{"a":"1","s":"t"}},"ruby":{"k":"v"},
             "ua":{"browser":{"family":"curl","major":"8","minor":"1","patch":"2"},"os":{"family":"Other"},"device":{"family":"Other","category":"Other"}}}
            """;
        var actual = JsonNode.Parse(buffer.WrittenSpan);
        Assert.Null(JsonEquivalence.Difference(JsonNode.Parse(expected), actual));
        Assert.Equal(0, allocated);
    }
}
