namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// The lines of one syslog datagram: split on LF, a trailing CR or NUL dropped, empty lines skipped. A datagram
/// without a newline is one line.
/// </summary>
internal ref struct DatagramLines
{
    private ReadOnlySpan<byte> _rest;

    public DatagramLines(ReadOnlySpan<byte> datagram) => _rest = datagram;

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly DatagramLines GetEnumerator() => this;

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var end = _rest.IndexOf((byte)'\n');
            var line = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? default : _rest[(end + 1)..];
            while (!line.IsEmpty && (line[^1] == (byte)'\r' || line[^1] == 0)) line = line[..^1];
            if (line.IsEmpty) continue;
            Current = line;
            return true;
        }
        return false;
    }
}
