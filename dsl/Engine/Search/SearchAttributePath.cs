using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary>An attribute path from a query (<c>@http.status_code</c> is <c>http</c>, <c>status_code</c>), prepared once in every form an adapter may want.</summary>
public sealed class SearchAttributePath
{
    private readonly string[] _segments;
    private readonly byte[][] _segmentsUtf8;
    private readonly byte[] _utf8;

    public SearchAttributePath(string text)
    {
        Text = text;
        _utf8 = Encoding.UTF8.GetBytes(text);
        _segments = text.Split('.');
        _segmentsUtf8 = new byte[_segments.Length][];
        for (var i = 0; i < _segments.Length; i++) _segmentsUtf8[i] = Encoding.UTF8.GetBytes(_segments[i]);
    }

    /// <summary>The dotted path without <c>@</c>.</summary>
    public string Text { get; }

    public ReadOnlySpan<byte> Utf8 => _utf8;

    public int SegmentCount => _segments.Length;

    public string Segment(int index) => _segments[index];

    public ReadOnlySpan<byte> SegmentUtf8(int index) => _segmentsUtf8[index];

    public override string ToString() => Text;
}
