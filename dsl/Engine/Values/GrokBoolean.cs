namespace GrokFlow.Engine.Values;

/// <summary>The <c>boolean</c> filter.</summary>
public static class GrokBoolean
{
    /// <summary>
    /// Reads <c>true</c> or <c>false</c> in any case. Anything else fails, so the field is dropped. Why: Datadog
    /// documents the filter as "Parses 'true' and 'false' strings as booleans ignoring case" (grok-dialect spec §5) and
    /// says nothing of other text; the peer implementation (VRL) turns every non-<c>true</c> string into false (spec §9
    /// row 11), which would invent a <c>false</c> for text such as <c>yes</c> or <c>-</c>. Where the two differ Datadog's
    /// documentation wins, and dropping an unreadable value is the documented outcome of a failed filter (spec §2).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out bool value)
    {
        value = false;
        if (utf8.Length == 4 && EqualsAsciiIgnoreCase(utf8, "true"u8))
        {
            value = true;
            return true;
        }

        return utf8.Length == 5 && EqualsAsciiIgnoreCase(utf8, "false"u8);
    }

    private static bool EqualsAsciiIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerAscii)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] | 0x20) != lowerAscii[i]) return false;
        }

        return true;
    }
}
