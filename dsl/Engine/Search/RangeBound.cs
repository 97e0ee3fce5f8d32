using System.Globalization;
using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary>One end of a range or comparison: its text, its number when it is one, and whether the end itself is in.</summary>
internal sealed class RangeBound
{
    private readonly byte[] _text;

    public RangeBound(string text, bool inclusive)
    {
        Text = text;
        _text = Encoding.UTF8.GetBytes(text);
        Inclusive = inclusive;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) Number = number;
    }

    public string Text { get; }
    public ReadOnlySpan<byte> Utf8 => _text;
    public double? Number { get; }
    public bool Inclusive { get; }
}
