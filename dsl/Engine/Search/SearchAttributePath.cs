using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary>An attribute path from a query (<c>@http.status_code</c> is <c>http</c>, <c>status_code</c>), prepared once in every form an adapter may want.</summary>
public sealed class SearchAttributePath
{
    private readonly string[] _segments;
    private readonly byte[][] _segmentsUtf8;
    private readonly byte[] _utf8;
    private readonly int[] _segmentStarts;

    public SearchAttributePath(string text)
    {
        Text = text;
        _utf8 = Encoding.UTF8.GetBytes(text);
        _segments = text.Split('.');
        _segmentsUtf8 = new byte[_segments.Length][];
        _segmentStarts = new int[_segments.Length];
        for (var i = 0; i < _segments.Length; i++)
        {
            _segmentsUtf8[i] = Encoding.UTF8.GetBytes(_segments[i]);
            if (i > 0) _segmentStarts[i] = _segmentStarts[i - 1] + _segmentsUtf8[i - 1].Length + 1;
        }
    }

    /// <summary>The dotted path without <c>@</c>.</summary>
    public string Text { get; }

    public ReadOnlySpan<byte> Utf8 => _utf8;

    public int SegmentCount => _segments.Length;

    public string Segment(int index) => _segments[index];

    public ReadOnlySpan<byte> SegmentUtf8(int index) => _segmentsUtf8[index];

    /// <summary>Segments <paramref name="first"/> to <paramref name="last"/> joined by their dots (a flat key such as <c>http.status_code</c>).</summary>
    public ReadOnlySpan<byte> JoinedUtf8(int first, int last) =>
        _utf8.AsSpan(_segmentStarts[first], _segmentStarts[last] + _segmentsUtf8[last].Length - _segmentStarts[first]);

    public override string ToString() => Text;
}
