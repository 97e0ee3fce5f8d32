using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Parsing;

namespace GrokFlow.Tests.Parsing;

/// <summary>
/// <c>grokflow parse</c>'s parallel path against the plain one: the same lines written one by one through
/// <see cref="EventLineWriter"/>, in order, are the oracle. Small chunks force many chunk boundaries.
/// </summary>
public sealed class ChunkedParserTests
{
    private static readonly IGrokPipeline Qnap = GrokFlow.Rules.BuiltInPipelines.All.Single(p => p.Id == "qnap");

    private static string SamplesPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "rules", "qnap.samples.log"))) folder = folder.Parent;
        return Path.Combine(folder!.FullName, "rules", "qnap.samples.log");
    }

    private static (byte[] Output, ParseSummary Summary) Chunked(byte[] input, int chunkSize, int workers = 4)
    {
        using var output = new MemoryStream();
        var summary = new ChunkedParser(Qnap, workers, chunkSize).Run(new MemoryStream(input), output);
        return (output.ToArray(), summary);
    }

    private static byte[] OneByOne(IEnumerable<byte[]> lines)
    {
        using var output = new MemoryStream();
        var context = new ParseContext();
        using (var writer = new EventLineWriter(output))
        {
            foreach (var line in lines) writer.Write(line, Qnap, context);
        }
        return output.ToArray();
    }

    [Fact]
    public void Events_come_out_in_input_order_across_many_small_chunks()
    {
        var samples = File.ReadAllLines(SamplesPath());
        var lines = Enumerable.Range(0, 40).SelectMany(i => samples.Select(s => Encoding.UTF8.GetBytes(s))).ToList();
        var input = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();

        var (output, summary) = Chunked(input, chunkSize: 4096);

        Assert.Equal(Encoding.UTF8.GetString(OneByOne(lines)), Encoding.UTF8.GetString(output));
        Assert.Equal(lines.Count, summary.Lines);
    }

    [Fact]
    public void Crlf_a_missing_last_newline_and_a_line_longer_than_a_chunk_are_read_as_lines()
    {
        var sample = File.ReadAllLines(SamplesPath())[0];
        var longLine = sample + new string('x', 10_000);
        var input = Encoding.UTF8.GetBytes($"{sample}\r\n{longLine}\n\n{sample}");

        var (output, summary) = Chunked(input, chunkSize: 1024);

        var expected = OneByOne([Encoding.UTF8.GetBytes(sample), Encoding.UTF8.GetBytes(longLine), [], Encoding.UTF8.GetBytes(sample)]);
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(output));
        Assert.Equal(4, summary.Lines);
    }

    [Fact]
    public void Invalid_utf8_is_repaired_only_in_its_own_line()
    {
        var sample = File.ReadAllLines(SamplesPath())[0];
        var broken = Encoding.UTF8.GetBytes(sample.Replace("alice", "al\u00e9ce")).ToList();
        var at = broken.IndexOf(0xC3);
        broken.RemoveAt(at + 1); // a lead byte without its continuation byte
        var input = Encoding.UTF8.GetBytes(sample + "\n").Concat(broken).Concat("\n"u8.ToArray()).Concat(Encoding.UTF8.GetBytes(sample + "\n")).ToArray();

        var (output, _) = Chunked(input, chunkSize: 1 << 20);

        var events = Encoding.UTF8.GetString(output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, events.Length);
        Assert.Equal(events[0], events[2]);
        var message = System.Text.Json.JsonDocument.Parse(events[1]).RootElement.GetProperty("message").GetString();
        Assert.Contains("al\uFFFDce", message);
    }
}
