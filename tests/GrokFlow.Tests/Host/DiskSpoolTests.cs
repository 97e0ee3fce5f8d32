using System.IO.Compression;
using System.Text;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;

namespace GrokFlow.Tests.Host;

/// <summary>
/// Spool files are the gzip bodies the intake takes, named by sequence and event count, so a batch read back is sent
/// as it was written: inflated only when its events are needed, and found damaged then.
/// </summary>
public sealed class DiskSpoolTests : IDisposable
{
    private readonly SpoolTestBed _bed = new("spool");

    private DiskSpool OpenSpool() => _bed.OpenSpool();

    private static EventBatch BatchOf(params string[] messages)
    {
        var target = new CollectedBatches();
        SpoolTestBed.Seal(target, messages);
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
        var written = File.ReadAllBytes(Assert.Single(Directory.GetFiles(_bed.Directory)));
        Assert.EndsWith("0000000000000000041-3.json.gz", Assert.Single(Directory.GetFiles(_bed.Directory)));

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
        Directory.CreateDirectory(_bed.Directory);
        File.WriteAllBytes(Path.Combine(_bed.Directory, "0000000000000000005.json.gz"), Gzip("[{\"a\":1},{\"b\":[2,\"]\"]}]"));

        var read = ReadBackOldest();

        Assert.Equal((5, 2), (read.Sequence, read.Count));
        Assert.Equal("{\"b\":[2,\"]\"]}", Encoding.UTF8.GetString(read.Event(1)));
    }

    [Fact]
    public void AFileThatDoesNotHoldTheEventsItsNameRecordsIsFoundDamagedWhenRead()
    {
        Directory.CreateDirectory(_bed.Directory);
        File.WriteAllBytes(Path.Combine(_bed.Directory, "0000000000000000009-2.json.gz"), Gzip("[{\"a\":1}]"));

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

    public void Dispose() => _bed.Dispose();
}
