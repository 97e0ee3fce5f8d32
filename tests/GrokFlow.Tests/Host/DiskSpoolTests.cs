using System.IO.Compression;
using System.Text;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;
using GrokFlow.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokFlow.Tests.Host;

/// <summary>
/// Spool files are the gzip bodies the intake takes, named by sequence and event count, so a batch read back is sent
/// as it was written: inflated only when its events are needed, and found damaged then.
/// </summary>
public sealed class DiskSpoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"grokflow-spool-{Guid.NewGuid():N}");
    private readonly TestMeterFactory _meters = new();
    private readonly HostMetrics _metrics;

    public DiskSpoolTests() => _metrics = new HostMetrics(_meters);

    private DiskSpool OpenSpool() => new(_directory, 1L << 30, GzipCompressor.Create(1), _metrics, NullLogger<DiskSpool>.Instance);

    private sealed class Captured : IBatchTarget
    {
        public List<EventBatch> Batches { get; } = [];
        public void Accept(EventBatch batch) => Batches.Add(batch);
    }

    private static EventBatch BatchOf(params string[] messages)
    {
        var target = new Captured();
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        foreach (var message in messages)
        {
            builder.BeginEvent();
            builder.Writer.WriteStartObject();
            builder.Writer.WriteString("message", message);
            builder.Writer.WriteEndObject();
            Assert.True(builder.EndEvent(out _));
        }
        builder.Seal();
        return Assert.Single(target.Batches);
    }

    private EventBatch ReadBackOldest()
    {
        var spool = OpenSpool();   // a new instance, as after a restart: it knows the files by their names only
        Assert.True(spool.TryReserveOldest(out var sequence));
        return spool.Read(sequence)!;
    }

    [Fact]
    public void ABatchReadBackIsSentAsWrittenAndInflatedOnlyWhenItsEventsAreNeeded()
    {
        var batch = BatchOf("first", "second \"quoted\"", "third");
        batch.Sequence = 41;
        Assert.True(OpenSpool().TryWrite(batch));
        var written = File.ReadAllBytes(Assert.Single(Directory.GetFiles(_directory)));
        Assert.EndsWith("0000000000000000041-3.json.gz", Assert.Single(Directory.GetFiles(_directory)));

        var read = ReadBackOldest();
        Assert.Equal((41, 3, batch.Length, true), (read.Sequence, read.Count, read.Length, read.FromSpool));
        var body = read.Compressed(new GzipCompressor(9, null));
        Assert.Equal(written, body.Buffer.AsSpan(0, (int)body.Length).ToArray());
        Assert.Equal(Encoding.UTF8.GetString(batch.Event(1)), Encoding.UTF8.GetString(read.Event(1)));
        Assert.Equal(batch.Json.ToArray(), read.Json.ToArray());
    }

    [Fact]
    public void AFileNamedBeforeCountsWereRecordedIsStillReadWhole()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, "0000000000000000005.json.gz"), Gzip("[{\"a\":1},{\"b\":[2,\"]\"]}]"));

        var read = ReadBackOldest();

        Assert.Equal((5, 2), (read.Sequence, read.Count));
        Assert.Equal("{\"b\":[2,\"]\"]}", Encoding.UTF8.GetString(read.Event(1)));
    }

    [Fact]
    public void AFileThatDoesNotHoldTheEventsItsNameRecordsIsFoundDamagedWhenRead()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, "0000000000000000009-2.json.gz"), Gzip("[{\"a\":1}]"));

        var read = ReadBackOldest();

        Assert.Equal(2, read.Count);
        Assert.Throws<InvalidDataException>(() => read.Json.Length);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _meters.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
