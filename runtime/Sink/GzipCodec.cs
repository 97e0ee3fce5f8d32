using System.Buffers;
using System.IO.Compression;

namespace GrokFlow.Runtime.Sink;

/// <summary>gzip into and out of pooled buffers, at a zlib level 1-9.</summary>
internal static class GzipCodec
{
    public static PooledBufferStream Compress(ReadOnlySpan<byte> data, int level)
    {
        var output = new PooledBufferStream(Math.Max(4096, data.Length / 4));
        using (var gzip = new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            gzip.Write(data);
        return output;
    }

    /// <summary>The uncompressed size a gzip member records in its last four bytes (RFC 1952 ISIZE; batches are far below 4 GiB).</summary>
    public static int UncompressedLength(PooledBufferStream compressed) =>
        compressed.Length < 18 ? 0 : (int)Math.Min(int.MaxValue, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(compressed.Buffer.AsSpan((int)compressed.Length - 4)));

    /// <summary>Decompresses into a buffer rented from the shared pool; the caller returns it.</summary>
    public static byte[] Decompress(Stream compressed, out int length)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        length = 0;
        try
        {
            int read;
            while ((read = gzip.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
            return buffer;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
