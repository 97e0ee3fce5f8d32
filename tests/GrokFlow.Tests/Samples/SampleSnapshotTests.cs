using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Language.Compilation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;
using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit3;

namespace GrokFlow.Tests.Samples;

/// <summary>
/// Every <c>X.samples.log</c> beside <c>X.rules</c> in rules/ is parsed, line by line, by each pipeline of X.rules as
/// compiled into grokflow, and the events are compared with the snapshot kept in __snapshots__.
/// </summary>
public sealed class SampleSnapshotTests
{
    /// <summary>Dates without a year resolve against this clock, so snapshots do not change with the calendar.</summary>
    private static readonly DateTimeOffset FixedNow = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RulesDirectory(), "*.samples.log").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SamplesParseAsSnapshotted(string sampleFile)
    {
        var rulesFile = Path.Combine(RulesDirectory(), sampleFile.Replace(".samples.log", ".rules", StringComparison.Ordinal));
        Assert.True(File.Exists(rulesFile), $"{sampleFile} has no {Path.GetFileName(rulesFile)} beside it");
        var ids = RulesCompiler.Compile(File.ReadAllText(rulesFile)).Pipelines.Select(p => p.Id).ToList();
        Assert.NotEmpty(ids);

        var context = new ParseContext(new FixedClock(FixedNow));
        var results = new JArray();
        foreach (var line in File.ReadLines(Path.Combine(RulesDirectory(), sampleFile)).Where(l => l.Length > 0))
        {
            foreach (var id in ids)
            {
                var pipeline = BuiltInPipelines.All.Single(p => p.Id == id);
                var (result, json) = Parse(pipeline, line, context);
                results.Add(new JObject
                {
                    ["pipeline"] = id,
                    ["status"] = result.Status.ToString(),
                    ["rule"] = result.RuleName ?? "",
                    ["event"] = JObject.Parse(json),
                });
            }
        }
        Snapshot.Match(results, SnapshotNameExtension.Create(sampleFile));
    }

    private static (GrokResult, string) Parse(IGrokPipeline pipeline, string line, ParseContext context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var bytes = Encoding.UTF8.GetBytes(line);
        writer.WriteStartObject();
        writer.WriteString("message"u8, bytes);
        var result = pipeline.Parse(bytes, writer, context);
        writer.WriteEndObject();
        writer.Flush();
        return (result, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string RulesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rules.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Rules.sln not found above the test binaries"), "rules");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
