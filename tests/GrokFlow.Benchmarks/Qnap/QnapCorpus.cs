using GrokFlow.Tests.TestSupport;
using System.Diagnostics;
using System.Text.Json;
using GrokFlow.Benchmarks.Support;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// QNAP syslog lines made by shared/bench/gen_qnap.py (deterministic for a seed), with the generator's ground truth:
/// for each line the rule that should match (null for none) and the attributes it should give.
/// </summary>
public sealed class QnapCorpus
{
    private QnapCorpus(int year, byte[][] lines, string?[] rules, JsonElement[] attributes)
    {
        Year = year;
        Clock = new MidYearClock(year);
        Lines = lines;
        Rules = rules;
        Attributes = attributes;
    }

    /// <summary>The year the generator used for the dates (they carry none): the current one, as the parsers assume.</summary>
    public int Year { get; }

    /// <summary>The raw UTF-8 lines, without the newline.</summary>
    public byte[][] Lines { get; }

    /// <summary>For each line, the rule the ground truth says matches, or null.</summary>
    public string?[] Rules { get; }

    /// <summary>For each line, the attributes the ground truth expects (an empty object when no rule matches).</summary>
    public JsonElement[] Attributes { get; }

    /// <summary>
    /// The clock the parsers get: the middle of the corpus year. Year-less dates take the year that puts them nearest
    /// the clock, so only a mid-year clock gives every generated date the generator's year; it is still read per dated
    /// line, as the host's clock is.
    /// </summary>
    public TimeProvider Clock { get; }

    private sealed class MidYearClock(int year) : TimeProvider
    {
        private readonly DateTimeOffset _now = new(year, 7, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>Runs the generator into a temporary folder, reads what it wrote, and deletes the folder.</summary>
    public static QnapCorpus Generate(int lines, int seed = 42)
    {
        var year = TimeProvider.System.GetUtcNow().Year;
        var dir = Directory.CreateTempSubdirectory("grokflow-bench-qnap-");
        try
        {
            var log = Path.Combine(dir.FullName, "qnap.log");
            var truth = Path.Combine(dir.FullName, "qnap.truth.jsonl");
            RunGenerator(lines, seed, year, log, truth);
            return Read(year, log, truth);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void RunGenerator(int lines, int seed, int year, string log, string truth)
    {
        var script = Path.Combine(RepositoryPaths.Shared, "bench", "gen_qnap.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { script, "-n", lines.ToString(), "--seed", seed.ToString(), "--year", year.ToString(), "-o", log, "--truth", truth },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start python3");
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException($"{script} did not finish in 5 minutes");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {errors}");
    }

    private static QnapCorpus Read(int year, string log, string truth)
    {
        var lines = SplitLines(File.ReadAllBytes(log));
        var truthLines = File.ReadAllLines(truth);
        if (truthLines.Length != lines.Length)
            throw new InvalidDataException($"{lines.Length} log lines but {truthLines.Length} ground-truth lines");
        var rules = new string?[lines.Length];
        var attributes = new JsonElement[lines.Length];
        for (var i = 0; i < truthLines.Length; i++)
        {
            var entry = JsonDocument.Parse(truthLines[i]).RootElement;
            rules[i] = entry.GetProperty("rule").GetString();
            attributes[i] = entry.GetProperty("attributes").Clone();
        }
        return new QnapCorpus(year, lines, rules, attributes);
    }

    private static byte[][] SplitLines(ReadOnlySpan<byte> text)
    {
        var lines = new List<byte[]>();
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf((byte)'\n');
            var end = newline < 0 ? text.Length : newline;
            lines.Add(text[..end].ToArray());
            text = text[Math.Min(text.Length, end + 1)..];
        }
        return lines.ToArray();
    }
}
