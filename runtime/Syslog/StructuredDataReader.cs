namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Walks the STRUCTURED-DATA of an RFC 5424 line (<c>[id name="value" ...][id2 ...]</c>) element by element and
/// parameter by parameter, without allocating. Values come raw (still escaped); <see cref="Unescape"/> resolves
/// <c>\"</c>, <c>\\</c> and <c>\]</c>. Anything malformed ends the walk: what was read before it stays.
/// </summary>
internal ref struct StructuredDataReader(ReadOnlySpan<byte> structuredData)
{
    private readonly ReadOnlySpan<byte> _sd = structuredData;
    private int _position;
    private bool _inElement;

    /// <summary>Moves to the next element; false at the end (or at something that is not an element).</summary>
    public bool NextElement(out ReadOnlySpan<byte> id)
    {
        id = default;
        if (_inElement) SkipRestOfElement();
        if (_position >= _sd.Length || _sd[_position] != (byte)'[') return false;
        var start = ++_position;
        while (_position < _sd.Length && IsNameByte(_sd[_position])) _position++;
        if (_position == start) return false;
        id = _sd[start.._position];
        _inElement = true;
        return true;
    }

    /// <summary>Moves to the element's next parameter; false at its end.</summary>
    public bool NextParameter(out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> rawValue)
    {
        name = rawValue = default;
        if (!_inElement) return false;
        while (_position < _sd.Length && _sd[_position] == (byte)' ') _position++;
        var start = _position;
        while (_position < _sd.Length && IsNameByte(_sd[_position])) _position++;
        if (_position == start || _position + 1 >= _sd.Length || _sd[_position] != (byte)'=' || _sd[_position + 1] != (byte)'"')
        {
            return false;
        }
        name = _sd[start.._position];
        _position += 2;
        var valueStart = _position;
        while (_position < _sd.Length && _sd[_position] != (byte)'"')
            _position += _sd[_position] == (byte)'\\' ? 2 : 1;
        if (_position >= _sd.Length)
        {
            _inElement = false;
            _position = _sd.Length;
            return false;
        }
        rawValue = _sd[valueStart.._position];
        _position++;
        return true;
    }

    /// <summary>The value with RFC 5424's escapes resolved, in <paramref name="buffer"/> (at least as long as the raw value).</summary>
    public static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> raw, Span<byte> buffer)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'\\' && i + 1 < raw.Length && raw[i + 1] is (byte)'"' or (byte)'\\' or (byte)']') i++;
            buffer[length++] = raw[i];
        }
        return buffer[..length];
    }

    private void SkipRestOfElement()
    {
        var inQuotes = false;
        for (; _position < _sd.Length; _position++)
        {
            var b = _sd[_position];
            if (b == (byte)'\\') { _position++; continue; }
            if (b == (byte)'"') inQuotes = !inQuotes;
            else if (b == (byte)']' && !inQuotes) { _position++; break; }
        }
        _inElement = false;
    }

    // SD-NAME: printable US-ASCII except '=', space, ']' and '"'
    private static bool IsNameByte(byte b) => b is > 32 and < 127 and not (byte)'=' and not (byte)']' and not (byte)'"';
}
