using System.Text;
using System.Text.Unicode;

namespace GrokFlow.Runtime.Parsing;

/// <summary>Makes a line valid UTF-8 (invalid sequences become U+FFFD) so parsers and JSON writers can trust it.</summary>
public sealed class Utf8Sanitizer
{
    private byte[] _scratch = new byte[1024];

    /// <summary>Returns <paramref name="line"/> itself when valid, else a repaired copy valid until the next call.</summary>
    public ReadOnlySpan<byte> Sanitize(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line)) return line;
        var text = Encoding.UTF8.GetString(line);
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_scratch.Length < needed) _scratch = new byte[needed];
        var written = Encoding.UTF8.GetBytes(text, _scratch);
        return _scratch.AsSpan(0, written);
    }
}
