using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The text a structured filter reads, and where it lives (a slice of the line or of the workspace text), so that
/// parts of it become values by offset instead of by copy.
/// </summary>
internal readonly ref struct FilterText
{
    public FilterText(ReadOnlySpan<byte> span, bool inWorkspace, int offset)
    {
        Span = span;
        InWorkspace = inWorkspace;
        Offset = offset;
    }

    public ReadOnlySpan<byte> Span { get; }
    public bool InWorkspace { get; }
    public int Offset { get; }

    public int Length => Span.Length;

    /// <summary>A string value for the bytes <paramref name="start"/>..+<paramref name="length"/> of this text.</summary>
    public OutputValue Slice(int start, int length) =>
        InWorkspace ? OutputValue.WorkspaceText(Offset + start, length) : OutputValue.InputText(Offset + start, length);

    public FilterText Sub(int start, int length) => new(Span.Slice(start, length), InWorkspace, Offset + start);
}
