using System.Text;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// A dotted attribute path (<c>http.url_details.host</c>) prepared once: its UTF-8 bytes and where each segment
/// ends, so that lookups compare bytes and allocate nothing.
/// </summary>
public sealed class AttributePath
{
    private readonly int[] _segmentEnds;

    public AttributePath(string text)
    {
        Text = text;
        Utf8 = Encoding.UTF8.GetBytes(text);
        var ends = new List<int>();
        for (var i = 0; i < Utf8.Length; i++)
        {
            if (Utf8[i] == (byte)'.') ends.Add(i);
        }
        ends.Add(Utf8.Length);
        _segmentEnds = ends.ToArray();
        _segmentWords = [.. Enumerable.Range(0, _segmentEnds.Length).Select(i => EventDocument.KeyWordOf(Segment(i)))];
    }

    /// <summary>For each segment, the word an event document keeps of a name (<see cref="EventDocument.KeyWordOf"/>).</summary>
    private readonly ulong[] _segmentWords;

    /// <summary>The word of segment <paramref name="index"/> (<see cref="EventDocument.KeyWordOf"/>).</summary>
    internal ulong SegmentWord(int index) => _segmentWords[index];

    public string Text { get; }
    public byte[] Utf8 { get; }
    public int SegmentCount => _segmentEnds.Length;

    /// <summary>Segments <paramref name="first"/> to <paramref name="last"/> (inclusive) joined by their dots.</summary>
    public ReadOnlySpan<byte> Segments(int first, int last)
    {
        var start = first == 0 ? 0 : _segmentEnds[first - 1] + 1;
        return Utf8.AsSpan(start, _segmentEnds[last] - start);
    }

    public ReadOnlySpan<byte> Segment(int index) => Segments(index, index);

    public override string ToString() => Text;
}
