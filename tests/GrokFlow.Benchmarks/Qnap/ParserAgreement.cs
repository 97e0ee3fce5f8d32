using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// Checks, before anything is timed, that every parser gives the corpus ground truth on every line: the same rule and
/// the same attributes (compared as parsed JSON, so 30 and 30.0 are equal and property order does not matter).
/// A benchmark of a broken parser would measure nothing worth knowing.
/// </summary>
public static class ParserAgreement
{
    /// <summary>Share of the corpus that must match a rule; fewer means the corpus is not shaped as expected.</summary>
    private const double MinimumMatchedShare = 0.9;

    /// <summary>Throws, listing the first differences, unless every parser agrees with the ground truth on every line.</summary>
    public static void Check(QnapCorpus corpus, IReadOnlyList<(string Name, IGrokPipeline Pipeline)> parsers)
    {
        var differences = new List<string>();
        var differing = 0;
        foreach (var (name, pipeline) in parsers)
        {
            var context = new ParseContext(corpus.Clock);
            for (var i = 0; i < corpus.Lines.Length; i++)
            {
                var difference = Compare(pipeline, context, corpus.Lines[i], corpus.Rules[i], corpus.Attributes[i]);
                if (difference is null) continue;
                differing++;
                if (differences.Count < 10) differences.Add($"{name}, line {i + 1}: {difference}\n  {Encoding.UTF8.GetString(corpus.Lines[i])}");
            }
        }
        if (differing > 0)
            throw new InvalidOperationException($"{differing} parser/line results differ from the ground truth:\n" + string.Join("\n", differences));

        var matched = corpus.Rules.Count(r => r is not null);
        if (matched < MinimumMatchedShare * corpus.Lines.Length)
            throw new InvalidOperationException($"only {matched} of {corpus.Lines.Length} corpus lines match a rule");
    }

    private static string? Compare(IGrokPipeline pipeline, ParseContext context, byte[] line, string? expectedRule, JsonElement expected)
    {
        var buffer = new ArrayBufferWriter<byte>();
        GrokResult result;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            result = pipeline.Parse(line, writer, context);
            writer.WriteEndObject();
        }
        if (result.RuleName != expectedRule)
            return $"rule {result.RuleName ?? "none"} ({result.Status}), expected {expectedRule ?? "none"}";
        using var actual = JsonDocument.Parse(buffer.WrittenMemory);
        return JsonElement.DeepEquals(actual.RootElement, expected)
            ? null
            : $"attributes {actual.RootElement.GetRawText()}, expected {expected.GetRawText()}";
    }
}
