using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>
/// A month, day, half-day or era name, a date pattern literal or a boolean text, with the value it stands for, matched in
/// UTF-8 ignoring case without allocating.
/// </summary>
internal sealed class CaseInsensitiveName
{
    public CaseInsensitiveName(string text, int value)
    {
        Text = text;
        Value = value;
        var lower = new List<Rune>();
        var upper = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            lower.Add(Rune.ToLowerInvariant(rune));
            upper.Add(Rune.ToUpperInvariant(rune));
        }

        Lower = lower.ToArray();
        Upper = upper.ToArray();
    }

    public string Text { get; }

    public int Value { get; }

    public Rune[] Lower { get; }

    public Rune[] Upper { get; }

    /// <summary>Bytes of <paramref name="utf8"/> this name covers at its start, or -1 when it does not match there.</summary>
    public int MatchAt(ReadOnlySpan<byte> utf8) => Utf8Text.MatchIgnoreCase(utf8, Lower, Upper);
}
