using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.TestSupport;

/// <summary>Runs an <see cref="IGrokPipeline"/> on one line and returns the status and the JSON object it wrote.</summary>
public static class GrokHarness
{
    public static (GrokResult Result, JsonObject Output) Run(IGrokPipeline pipeline, string line, ParseContext? context = null) =>
        Write((bytes, writer) => pipeline.Parse(bytes, writer, context ?? new ParseContext()), line);

    /// <summary>Runs grok parser <paramref name="parserIndex"/> alone on <paramref name="text"/>, whatever attribute it names as its source.</summary>
    public static (GrokResult Result, JsonObject Output) RunParser(IGrokParserSet parsers, int parserIndex, string text, ParseContext? context = null) =>
        Write((bytes, writer) => parsers.ParseWith(parserIndex, bytes, writer, context ?? new ParseContext()), text);

    private static (GrokResult Result, JsonObject Output) Write(Func<byte[], Utf8JsonWriter, GrokResult> parse, string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var result = parse(Encoding.UTF8.GetBytes(text), writer);
            writer.WriteEndObject();
            writer.Flush();
            var output = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
            return (result, output);
        }
    }

    /// <summary>A one-pipeline .rules text with one grok block on <c>message</c>.</summary>
    public static string RulesText(IEnumerable<(string Name, string Pattern)> matchRules, IEnumerable<(string Name, string Pattern)>? helpers = null)
    {
        var sb = new StringBuilder("pipeline test {\n  grok message {\n    match {\n");
        foreach (var (name, pattern) in matchRules) sb.Append("      ").Append(name).Append(' ').Append(pattern).Append('\n');
        sb.Append("    }\n");
        var helperList = helpers?.ToList() ?? [];
        if (helperList.Count > 0)
        {
            sb.Append("    helpers {\n");
            foreach (var (name, pattern) in helperList) sb.Append("      ").Append(name).Append(' ').Append(pattern).Append('\n');
            sb.Append("    }\n");
        }
        return sb.Append("  }\n}\n").ToString();
    }

    /// <summary>Loads rules that must compile and returns their only pipeline.</summary>
    public static InterpretedPipeline Load(string rulesText)
    {
        var loaded = RulesInterpreter.Load(rulesText);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics.Select(d => d.Format("test.rules"))));
        return Assert.Single(loaded.Pipelines);
    }

    /// <summary>Loads a single rule <c>rule0 PATTERN</c> (with optional helpers) and runs it on <paramref name="line"/>.</summary>
    public static (GrokResult Result, JsonObject Output) RunRule(string pattern, string line, params (string Name, string Pattern)[] helpers) =>
        Run(Load(RulesText([("rule0", pattern)], helpers)), line);
}
