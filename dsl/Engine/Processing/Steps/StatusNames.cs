using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// How the status remapper names a value (spec §5, spellings as Datadog records them): an integer 0-7 is a syslog
/// severity (<c>emergency alert critical error warn notice info debug</c>); a string is read by its lower-cased
/// start: <c>emerg</c>/<c>f</c> emergency, <c>a</c> alert, <c>c</c> critical, <c>e</c> error, <c>w</c> warn,
/// <c>n</c> notice, <c>i</c> info, <c>d</c>/<c>trace</c>/<c>verbose</c> debug, <c>o</c>/<c>s</c>/<c>ok</c>/<c>success</c>
/// ok, anything else info. Any other value (an object, a boolean, an out-of-range number) is info; null gives nothing.
/// </summary>
public static class StatusNames
{
    private static readonly byte[][] Severities =
    [
        "emergency"u8.ToArray(), "alert"u8.ToArray(), "critical"u8.ToArray(), "error"u8.ToArray(),
        "warn"u8.ToArray(), "notice"u8.ToArray(), "info"u8.ToArray(), "debug"u8.ToArray(),
    ];

    public static ReadOnlySpan<byte> Of(EventDocument document, int node)
    {
        switch (document.KindOf(node))
        {
            case EventValueKind.Null:
                return default;
            case EventValueKind.Number:
            case EventValueKind.String:
                var text = document.TextOf(node);
                if (GrokNumbers.TryParseInteger(text, out var severity))
                    return severity is >= 0 and <= 7 ? Severities[severity] : Info;
                return document.KindOf(node) == EventValueKind.String ? OfText(text) : Info;
            default:
                return Info;
        }
    }

    private static ReadOnlySpan<byte> Info => "info"u8;

    private static ReadOnlySpan<byte> OfText(ReadOnlySpan<byte> text)
    {
        if (text.Length == 0) return Info;
        if (StartsWithIgnoreCase(text, "emerg"u8)) return Severities[0];
        if (StartsWithIgnoreCase(text, "trace"u8) || StartsWithIgnoreCase(text, "verbose"u8)) return Severities[7];
        return (text[0] | 0x20) switch
        {
            'f' => Severities[0],
            'a' => Severities[1],
            'c' => Severities[2],
            'e' => Severities[3],
            'w' => Severities[4],
            'n' => Severities[5],
            'i' => Severities[6],
            'd' => Severities[7],
            'o' or 's' => "ok"u8,
            _ => Info,
        };
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerPrefix)
    {
        if (text.Length < lowerPrefix.Length) return false;
        for (var i = 0; i < lowerPrefix.Length; i++)
        {
            if ((text[i] | 0x20) != lowerPrefix[i]) return false;
        }
        return true;
    }
}
