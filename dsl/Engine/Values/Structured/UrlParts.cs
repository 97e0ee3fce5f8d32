namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// Where the parts of a URL are, as the <c>url</c> filter reads them (see <see cref="UrlParser"/>): each a start and a
/// length in the text; a start of -1 when the URL has no such part. <see cref="Port"/> is -1 when there is none.
/// </summary>
internal readonly record struct UrlParts((int Start, int Length) Hash, (int Start, int Length) Query, (int Start, int Length) Scheme,
    int Port, (int Start, int Length) Host, (int Start, int Length) Path)
{
    private static readonly (int, int) Absent = (-1, 0);

    /// <summary>The parts of <paramref name="s"/>; false when it is not a URL (white space, control characters, a port that is not one).</summary>
    public static bool TryRead(ReadOnlySpan<byte> s, out UrlParts parts)
    {
        parts = default;
        if (s.IndexOfAnyInRange((byte)0, (byte)' ') >= 0 || s.Contains((byte)0x7f)) return false;
        var end = s.Length;
        (int, int) hashPart = Absent, queryPart = Absent, schemePart = Absent, hostPart = Absent, pathPart = Absent;
        var port = -1;
        var hash = s.IndexOf((byte)'#');
        if (hash >= 0)
        {
            if (hash + 1 < s.Length) hashPart = (hash + 1, s.Length - hash - 1);
            end = hash;
        }
        var question = s[..end].IndexOf((byte)'?');
        if (question >= 0)
        {
            queryPart = (question + 1, end - question - 1);
            end = question;
        }
        var position = 0;
        var scheme = SchemeLength(s[..end]);
        if (scheme > 0)
        {
            schemePart = (0, scheme);
            position = scheme + 3;
            var authorityEnd = s[position..end].IndexOf((byte)'/');
            authorityEnd = authorityEnd < 0 ? end : position + authorityEnd;
            var at = s[position..authorityEnd].LastIndexOf((byte)'@');
            var hostStart = at < 0 ? position : position + at + 1;
            var hostEnd = authorityEnd;
            var portColon = s[hostStart..authorityEnd].LastIndexOf((byte)':');
            if (portColon >= 0 && s[hostStart..authorityEnd].LastIndexOf((byte)']') < portColon)
            {
                var portText = s[(hostStart + portColon + 1)..authorityEnd];
                if (portText.Length > 0 && GrokNumbers.TryParseInteger(portText, out var number) && number is >= 0 and <= 65535 && portText[0] is >= (byte)'0' and <= (byte)'9')
                    port = (int)number;
                else if (portText.Length > 0) return false;
                hostEnd = hostStart + portColon;
            }
            if (hostEnd > hostStart) hostPart = (hostStart, hostEnd - hostStart);
            position = authorityEnd;
        }
        if (end > position) pathPart = (position, end - position);
        else if (scheme > 0) pathPart = (position, 0);
        parts = new UrlParts(hashPart, queryPart, schemePart, port, hostPart, pathPart);
        return true;
    }

    /// <summary>The length of <c>scheme</c> when the text starts with <c>scheme://</c>, else 0.</summary>
    private static int SchemeLength(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter((char)s[0])) return 0;
        var i = 1;
        while (i < s.Length && (char.IsAsciiLetterOrDigit((char)s[i]) || s[i] is (byte)'+' or (byte)'-' or (byte)'.')) i++;
        return s[i..].StartsWith("://"u8) ? i : 0;
    }
}
