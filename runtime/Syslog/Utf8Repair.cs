using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Makes a line valid UTF-8 before it reaches a pipeline: invalid sequences become U+FFFD. Valid lines (nearly all)
/// pass through untouched; repaired ones are written into a pooled buffer that this instance reuses. One per worker.
/// </summary>
internal sealed class Utf8Repair : IDisposable
{
    private static ReadOnlySpan<byte> ReplacementCharacter => [0xEF, 0xBF, 0xBD];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);

    /// <summary>The line itself when valid, else a repaired copy valid until the next call.</summary>
    public ReadOnlySpan<byte> Repair(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line)) return line;
        // Each invalid byte becomes at most three bytes.
        EnsureCapacity(line.Length * 3);
        var output = _buffer.AsSpan();
        var written = 0;
        while (!line.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(line, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                line[..consumed].CopyTo(output[written..]);
                written += consumed;
            }
            else
            {
                ReplacementCharacter.CopyTo(output[written..]);
                written += ReplacementCharacter.Length;
            }
            line = line[consumed..];
        }
        return output[..written];
    }

    private void EnsureCapacity(int size)
    {
        if (_buffer.Length >= size) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(size);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
