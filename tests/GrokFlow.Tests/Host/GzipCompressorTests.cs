using System.IO.Compression;
using System.Text;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Tests.Host;

/// <summary>
/// Intake bodies and spool files at level 1 are made by ISA-L (scripts/setup.sh installs libisal2); whatever makes
/// them, .NET's own gzip reader (zlib-ng's inflate, an independent implementation) must give back the batch exactly.
/// </summary>
public sealed class GzipCompressorTests
{
    private static byte[] EventJson(int events)
    {
        var json = new StringBuilder("[");
        var random = new Random(7);
        for (var i = 0; i < events; i++)
        {
            if (i > 0) json.Append(',');
            json.Append($$"""{"message":"<30>Oct 30 20:24:{{i % 60:00}} NAS01 qulogd[{{random.Next(100000)}}]: conn log: Users: u{{random.Next(50)}}, Source IP: 10.{{random.Next(256)}}.{{random.Next(256)}}.{{random.Next(256)}}","ddsource":"qnap","service":"qnap-nas","status":"info","in_bytes":{{random.Next()}}}""");
        }
        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    private static byte[] Inflate(PooledBufferStream body)
    {
        using var gzip = new GZipStream(new MemoryStream(body.Buffer, 0, (int)body.Length), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    [Fact]
    public void LevelOneUsesIsaLWhereItIsInstalled()
    {
        Assert.True(GzipCompressor.Create(1).UsesIsal, "libisal.so.2 not found: scripts/setup.sh installs libisal2");
        Assert.False(GzipCompressor.Create(6).UsesIsal);
    }

    [Fact]
    public void IsaLBodyInflatesToTheBatchAndIsSmallerThanZlibNgLevelOne()
    {
        var json = EventJson(1000);
        using var isal = GzipCompressor.Create(1).Compress(json);
        using var zlib = new GzipCompressor(1, null).Compress(json);
        Assert.Equal(json, Inflate(isal));
        Assert.Equal(json.Length, GzipCodec.UncompressedLength(isal));   // the trailer the spool reads the size from
        Assert.True(isal.Length < zlib.Length, $"ISA-L {isal.Length} bytes, zlib-ng {zlib.Length}");
    }

    [Fact]
    public void DataThatDoesNotShrinkStillComesBackWhole()
    {
        var noise = new byte[1 << 20];
        new Random(3).NextBytes(noise);
        using var body = GzipCompressor.Create(1).Compress(noise);
        Assert.Equal(noise, Inflate(body));
        using var empty = GzipCompressor.Create(1).Compress([]);
        Assert.Empty(Inflate(empty));
    }

    [Fact]
    public void ConcurrentBatchesEachGetTheirOwnState()
    {
        var gzip = GzipCompressor.Create(1);
        var batches = Enumerable.Range(0, 16).Select(i => EventJson(200 + 50 * i)).ToArray();
        var results = new byte[batches.Length][];
        Parallel.For(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            for (var round = 0; round < 4; round++)
            {
                using var body = gzip.Compress(batches[i]);
                results[i] = Inflate(body);
            }
        });
        for (var i = 0; i < batches.Length; i++) Assert.Equal(batches[i], results[i]);
    }
}
