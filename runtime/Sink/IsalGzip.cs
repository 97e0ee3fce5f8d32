using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// gzip level 1 by Intel ISA-L's igzip (<c>libisal.so.2</c>, Debian's <c>libisal2</c>), loaded at run time when it is
/// installed. On a batch of event JSON it takes 1.5-1.6 times less CPU than zlib-ng's level 1 (what
/// System.IO.Compression runs) and its output is 15-27 % smaller (docs/host.md, "Line rate"). One-shot
/// (<c>isal_deflate_stateless</c>): a batch is whole in memory. Thread-safe: each call takes a compression state
/// from a pool (about 370 KB of native memory each, as many as batches are compressed at once).
/// </summary>
internal sealed unsafe class IsalGzip
{
    // struct isal_zstream of libisal.so.2 (the soname fixes its layout): its size and the offsets of the fields set
    // here, read from igzip_lib.h with offsetof on ISA-L 2.30.
    private const int StreamSize = 82384;
    private const int NextIn = 0, AvailIn = 8, NextOut = 16, AvailOut = 24, TotalOut = 28;
    private const int Level = 40, LevelBufSize = 44, LevelBuf = 48, EndOfStream = 56, GzipFlag = 60;
    private const int Level1Buffer = 282624;   // ISAL_DEF_LVL1_DEFAULT
    private const int IgzipGzip = 1, CompOk = 0, StatelessOverflow = -1;

    private readonly delegate* unmanaged<byte*, void> _init;
    private readonly delegate* unmanaged<byte*, int> _compress;
    private readonly ConcurrentBag<State> _states = [];

    private IsalGzip(nint init, nint compress)
    {
        _init = (delegate* unmanaged<byte*, void>)init;
        _compress = (delegate* unmanaged<byte*, int>)compress;
    }

    /// <summary>
    /// The library if it is installed, has the two entry points and gives back what it was given (inflated by
    /// System.IO.Compression: a library whose layout differs from the one above is not used); else null.
    /// </summary>
    public static IsalGzip? TryLoad()
    {
        if (!NativeLibrary.TryLoad("libisal.so.2", out var library)) return null;
        if (NativeLibrary.TryGetExport(library, "isal_deflate_stateless_init", out var init)
            && NativeLibrary.TryGetExport(library, "isal_deflate_stateless", out var compress))
        {
            var isal = new IsalGzip(init, compress);
            if (isal.RoundTrips()) return isal;
        }
        NativeLibrary.Free(library);
        return null;
    }

    private bool RoundTrips()
    {
        var sample = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"n\":{i},\"ddsource\":\"check\"}},")));
        var output = new byte[sample.Length + 1024];
        try
        {
            if (!TryCompress(sample, output, out var written)) return false;
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(output, 0, written), System.IO.Compression.CompressionMode.Decompress);
            var back = new MemoryStream();
            gzip.CopyTo(back);
            return back.ToArray().AsSpan().SequenceEqual(sample);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Compresses <paramref name="data"/> into one gzip member in <paramref name="output"/>. False when the output
    /// did not fit in <paramref name="output"/> (data that hardly compresses): nothing usable was written.
    /// </summary>
    public bool TryCompress(ReadOnlySpan<byte> data, Span<byte> output, out int written)
    {
        written = 0;
        if (!_states.TryTake(out var state)) state = new State();
        try
        {
            var stream = state.Stream;
            fixed (byte* input = data)
            fixed (byte* into = output)
            {
                _init(stream);
                *(byte**)(stream + NextIn) = input;
                *(uint*)(stream + AvailIn) = (uint)data.Length;
                *(byte**)(stream + NextOut) = into;
                *(uint*)(stream + AvailOut) = (uint)output.Length;
                *(uint*)(stream + Level) = 1;
                *(uint*)(stream + LevelBufSize) = Level1Buffer;
                *(byte**)(stream + LevelBuf) = state.LevelBuffer;
                *(ushort*)(stream + EndOfStream) = 1;
                *(ushort*)(stream + GzipFlag) = IgzipGzip;
                var result = _compress(stream);
                if (result == StatelessOverflow) return false;
                if (result != CompOk) throw new InvalidOperationException($"ISA-L isal_deflate_stateless failed ({result})");
                written = (int)*(uint*)(stream + TotalOut);
                return true;
            }
        }
        finally
        {
            _states.Add(state);
        }
    }

    /// <summary>One compression's native memory; freed when the state is collected.</summary>
    private sealed class State
    {
        // Twice the size: a build of the library with larger internal buffers must not write past the block.
        public byte* Stream { get; } = (byte*)NativeMemory.AllocZeroed(2 * StreamSize);
        public byte* LevelBuffer { get; } = (byte*)NativeMemory.Alloc(Level1Buffer);

        ~State()
        {
            NativeMemory.Free(Stream);
            NativeMemory.Free(LevelBuffer);
        }
    }
}
