using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Per-line working storage of <see cref="OutputWriter"/>, kept in a <see cref="Runtime.ParseContext"/> and reused from
/// line to line: the value of each capture, which path-tree nodes have something to write, and a text buffer for
/// values that are not slices of the input. Arrays grow to the largest plan seen, then never allocate again.
/// </summary>
internal sealed class OutputWorkspace
{
    private OutputValue[] _values = new OutputValue[16];
    private bool[] _present = new bool[16];
    private byte[] _text = new byte[256];
    private int _textUsed;

    /// <summary>The attribute tree of lines whose rule uses structured filters.</summary>
    public ValueTree Tree { get; } = new();

    /// <summary>Starts a line: clears the text buffer and sizes the value and presence arrays for <paramref name="plan"/>.</summary>
    public void Begin(OutputPlan plan)
    {
        if (_values.Length < plan.Captures.Length) _values = new OutputValue[Math.Max(plan.Captures.Length, _values.Length * 2)];
        if (_present.Length < plan.Nodes.Length) _present = new bool[Math.Max(plan.Nodes.Length, _present.Length * 2)];
        _textUsed = 0;
    }

    /// <summary>The value of each capture of the current line (by capture index).</summary>
    public Span<OutputValue> Values(OutputPlan plan) => _values.AsSpan(0, plan.Captures.Length);

    /// <summary>Whether each path node of the current line has something to write.</summary>
    public Span<bool> Present(OutputPlan plan) => _present.AsSpan(0, plan.Nodes.Length);

    /// <summary>Free room of at least <paramref name="size"/> bytes at the end of the text buffer; earlier text is kept.</summary>
    public Span<byte> ReserveText(int size)
    {
        if (_text.Length - _textUsed < size)
        {
            var grown = new byte[Math.Max(_textUsed + size, _text.Length * 2)];
            _text.AsSpan(0, _textUsed).CopyTo(grown);
            _text = grown;
        }
        return _text.AsSpan(_textUsed);
    }

    /// <summary>Keeps <paramref name="length"/> bytes written into the last reserved room; returns their start.</summary>
    public int CommitText(int length)
    {
        var start = _textUsed;
        _textUsed += length;
        return start;
    }

    public ReadOnlySpan<byte> Text(int start, int length) => _text.AsSpan(start, length);
}
