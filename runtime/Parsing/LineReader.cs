namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Reads newline-separated lines from a stream as UTF-8 byte spans, without a string per line. A trailing CR is
/// dropped. A span returned by <see cref="TryReadLine"/> is valid until the next call.
/// </summary>
public sealed class LineReader(Stream stream, int bufferSize = 1 << 16)
{
    private byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Trim(_buffer.AsSpan(_start, newline));
                _start += newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start < _end)
                {
                    line = Trim(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
