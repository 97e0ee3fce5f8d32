using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Interpretation;

public sealed class OutputWriterTests
{
    private static CaptureModel Capture(int slot, string path, ValueConversion? conversion = null, FilterModel? filter = null) =>
        new(slot, [.. path.Split('.')], conversion ?? ValueConversion.Text, filter, $"%{{...:{path}}}");

    /// <summary>Writes <paramref name="input"/>'s captures, each given as the text it matched (null: did not participate).</summary>
    private static string Write(ImmutableArray<CaptureModel> captures, string input, params string?[] matched)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        var slots = new int[2 * captures.Length];
        var searchFrom = 0;
        for (var k = 0; k < matched.Length; k++)
        {
            if (matched[k] is not { } text)
            {
                slots[2 * k] = slots[2 * k + 1] = -1;
                continue;
            }
            var at = input.IndexOf(text, searchFrom, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' is not in the input after offset {searchFrom}");
            slots[2 * k] = Encoding.UTF8.GetByteCount(input.AsSpan(0, at));
            slots[2 * k + 1] = slots[2 * k] + Encoding.UTF8.GetByteCount(text);
            searchFrom = at + text.Length;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        OutputWriter.Write(OutputPlan.Create(captures), bytes, slots, writer, new ParseContext(new FixedClock(new DateTimeOffset(2021, 3, 15, 10, 0, 0, TimeSpan.Zero))));
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.Null(JsonEquivalence.Difference(JsonNode.Parse(expected), JsonNode.Parse(actual)));

    [Fact]
    public void DottedPathsNestInFirstAppearanceOrder()
    {
        var json = Write(
            [Capture(0, "user.name"), Capture(1, "user.id", new NumericConversion(NumericKind.Integer)), Capture(2, "server")],
            "john 12 xyz", "john", "12", "xyz");
        Assert.Equal("""{"user":{"name":"john","id":12},"server":"xyz"}""", json);
    }

    [Fact]
    public void SamePathFromSeveralCapturesIsAnArrayInCaptureOrder()
    {
        var json = Write(
            [
                Capture(0, "nested.field", new NumericConversion(NumericKind.Integer)),
                Capture(1, "nested.field", filter: new CaseFilter(Upper: true)),
                Capture(2, "nested.field", filter: new NullIfFilter("-")),
            ],
            "1 info message", "1", "info", "message");
        Assert.Equal("""{"nested":{"field":[1,"INFO","message"]}}""", json);
    }

    [Fact]
    public void SamePathWithOneValueIsNotAnArray()
    {
        var captures = ImmutableArray.Create(
            Capture(0, "user.id", new NumericConversion(NumericKind.Integer)),
            Capture(1, "user.id"));
        Assert.Equal("""{"user":{"id":"john"}}""", Write(captures, "john", null, "john"));
        Assert.Equal("""{"user":{"id":7}}""", Write(captures, "7", "7", null));
    }

    [Fact]
    public void EmptyAndAbsentCapturesAreSkippedAndEmptyObjectsAreNotWritten()
    {
        var json = Write(
            [Capture(0, "user.name"), Capture(1, "user.id"), Capture(2, "host")],
            "x", "", null, "x");
        Assert.Equal("""{"host":"x"}""", json);
    }

    [Fact]
    public void FailedConversionsAndNullIfDropTheAttribute()
    {
        var json = Write(
            [
                Capture(0, "a", filter: new NumericFilter(NumericKind.Integer)),
                Capture(1, "b", filter: new NullIfFilter("-")),
                Capture(2, "c.d", new DateConversion("dd/MM/yyyy", null, null)),
                Capture(3, "e"),
            ],
            "not_a_number - 31/02/2020 kept", "not_a_number", "-", "31/02/2020", "kept");
        Assert.Equal("""{"e":"kept"}""", json);
    }

    [Fact]
    public void NumbersAreWrittenAsDatadogDoublesAndIntegersAsIntegers()
    {
        var json = Write(
            [
                Capture(0, "n", new NumericConversion(NumericKind.Number)),
                Capture(1, "i", new NumericConversion(NumericKind.Integer)),
                Capture(2, "s", new NumericConversion(NumericKind.Number), new ScaleFilter(1_000_000_000)),
                Capture(3, "x", new NumericConversion(NumericKind.IntegerExt)),
            ],
            "10 -3 0.202 -1e+2", "10", "-3", "0.202", "-1e+2");
        Assert.StartsWith("""{"n":10.0,"i":-3,""", json);
        AssertJson("""{"n":10,"i":-3,"s":2.02E8,"x":-100}""", json);
    }

    [Fact]
    public void ScalarFiltersTransformTheValue()
    {
        var json = Write(
            [
                Capture(0, "lower", filter: new CaseFilter(Upper: false)),
                Capture(1, "upper", filter: new CaseFilter(Upper: true)),
                Capture(2, "flag", filter: new BooleanFilter()),
                Capture(3, "scaled", new NumericConversion(NumericKind.Integer), new ScaleFilter(1.5)),
                Capture(4, "number", filter: new NumericFilter(NumericKind.Number)),
            ],
            "ÉCOLE Straße TRUE 2 3", "ÉCOLE", "Straße", "TRUE", "2", "3");
        AssertJson("""{"lower":"école","upper":"STRAßE","flag":true,"scaled":3,"number":3}""", json);
    }

    [Fact]
    public void MatcherConversionsParseBooleansAndDates()
    {
        var json = Write(
            [
                Capture(0, "alert", new BooleanConversion("yes", "no")),
                Capture(1, "quiet", new BooleanConversion("yes", "no")),
                Capture(2, "date", new DateConversion("dd/MMM/yyyy", null, null)),
                Capture(3, "noYear", new DateConversion("MMM dd", null, null)),
            ],
            "YES no 06/Mar/2013 Apr 24", "YES", "no", "06/Mar/2013", "Apr 24");
        var expectedNoYear = new DateTimeOffset(2021, 4, 24, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        AssertJson($$"""{"alert":true,"quiet":false,"date":1362528000000,"noYear":{{expectedNoYear}}}""", json);
    }

    [Fact]
    public void LeafWinsOverParentWhenBothHaveValues()
    {
        var captures = ImmutableArray.Create(Capture(0, "a"), Capture(1, "a.b"));
        Assert.Equal("""{"a":"x"}""", Write(captures, "x y", "x", "y"));
        Assert.Equal("""{"a":{"b":"y"}}""", Write(captures, "x y", null, "y"));
    }

    [Fact]
    public void PropertyNamesAreEscaped()
    {
        var json = Write([Capture(0, "quoted \"name\""), Capture(1, "@parent.$child")], "v w", "v", "w");
        AssertJson("""{"quoted \"name\"":"v","@parent":{"$child":"w"}}""", json);
    }

    [Fact]
    public void InvalidUtf8IsWrittenWithReplacementCharacters()
    {
        byte[] input = [(byte)'a', 0xFF, (byte)'b', (byte)' ', 0xC3, (byte)'X'];
        var plan = OutputPlan.Create([Capture(0, "raw"), Capture(1, "upper", filter: new CaseFilter(Upper: true))]);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            OutputWriter.Write(plan, input, [0, 3, 4, 6], writer, new ParseContext());
            writer.WriteEndObject();
        }
        AssertJson("""{"raw":"a\uFFFDb","upper":"\uFFFDX"}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void WritingAllocatesNothingAfterWarmUp()
    {
        var captures = ImmutableArray.Create(
            Capture(0, "user.name", filter: new CaseFilter(Upper: true)),
            Capture(1, "user.id", new NumericConversion(NumericKind.Integer)),
            Capture(2, "duration", new NumericConversion(NumericKind.Number), new ScaleFilter(1000)),
            Capture(3, "date", new DateConversion("dd/MMM/yyyy:HH:mm:ss Z", null, null)),
            Capture(4, "tag"),
            Capture(5, "tag"));
        var plan = OutputPlan.Create(captures);
        var input = "john 42 0.5 13/Jul/2016:10:55:36 +0000 a b"u8.ToArray();
        int[] slots = [0, 4, 5, 7, 8, 11, 12, 38, 39, 40, 41, 42];
        var buffer = new ArrayBufferWriter<byte>(4096);
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

        AssertJson("""{"user":{"name":"JOHN","id":42},"duration":500,"date":1468407336000,"tag":["a","b"]}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(0, allocated);
    }
}
