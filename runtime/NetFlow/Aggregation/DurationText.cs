using System.Globalization;

namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>Durations as users type them on the command line: <c>60s</c>, <c>5m</c>, <c>1h</c>, <c>500ms</c>, or plain seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value)) return false;
        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }
}
