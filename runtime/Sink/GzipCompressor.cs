namespace GrokFlow.Runtime.Sink;

/// <summary>
/// The gzip that intake requests and spool files are made with, at <c>Datadog:CompressionLevel</c>: at level 1 (the
/// default) Intel ISA-L's igzip when <c>libisal.so.2</c> is installed, else (and at levels 2-9) zlib-ng through
/// System.IO.Compression. Either way the body is one gzip member (RFC 1952) that the intake and the spool read alike.
/// Thread-safe; one per host.
/// </summary>
internal sealed class GzipCompressor
{
    private readonly IsalGzip? _isal;

    /// <param name="isal">ISA-L, used at level 1 only; null: zlib-ng at every level.</param>
    public GzipCompressor(int level, IsalGzip? isal)
    {
        Level = level;
        _isal = level == 1 ? isal : null;
    }

    /// <summary>ISA-L at level 1 when it is installed, zlib-ng otherwise.</summary>
    public static GzipCompressor Create(int level) => new(level, level == 1 ? IsalGzip.TryLoad() : null);

    public int Level { get; }

    /// <summary>True when level-1 bodies are made by ISA-L.</summary>
    public bool UsesIsal => _isal is not null;

    /// <summary>What the start-up log line says.</summary>
    public string Description => UsesIsal ? "gzip level 1 by ISA-L (libisal.so.2)" : $"gzip level {Level} by zlib-ng";

    public PooledBufferStream Compress(ReadOnlySpan<byte> data)
    {
        if (_isal is not null)
        {
            // JSON shrinks four- to sevenfold; data that does not fit in half its size plus a margin goes to zlib-ng.
            var output = new PooledBufferStream(data.Length / 2 + 64 * 1024);
            if (_isal.TryCompress(data, output.Buffer, out var written))
            {
                output.Advance(written);
                return output;
            }
            output.Dispose();
        }
        return GzipCodec.Compress(data, Level);
    }
}
