namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// The newline-separated lines of a chunk of input, as spans of the chunk itself: nothing is copied and no string is
/// made. A trailing CR is dropped; the last line needs no newline.
/// </summary>
public ref struct ChunkLines(ReadOnlySpan<byte> chunk)
{
    private ReadOnlySpan<byte> _rest = chunk;

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (_rest.IsEmpty)
        {
            line = default;
            return false;
        }
        var newline = _rest.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            line = _rest[..newline];
            _rest = _rest[(newline + 1)..];
        }
        else
        {
            line = _rest;
            _rest = default;
        }
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        return true;
    }
}
