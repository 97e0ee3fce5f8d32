using System.Runtime.InteropServices;

namespace GrokFlow.Engine.Output;

/// <summary>What a capture produced for the current line, after its conversion and filter.</summary>
internal enum OutputValueKind : byte
{
    /// <summary>Nothing: the capture did not participate, matched empty text, failed to convert, or became null.</summary>
    None,
    /// <summary>A string that is a slice of the input line.</summary>
    InputText,
    /// <summary>A string written into the workspace's text buffer (e.g. by a case filter).</summary>
    WorkspaceText,
    Integer,
    Double,
    Boolean,
}

/// <summary>
/// One capture's value for the current line. Text values are offsets, never copies of the input. Sixteen bytes (the
/// kind, a text's length, and one word for a text's start, an integer, a double's bits or a boolean), so that values
/// travel in two registers rather than through memory.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct OutputValue
{
    public readonly OutputValueKind Kind;
    public readonly int Length;
    private readonly long _word;

    private OutputValue(OutputValueKind kind, int length, long word)
    {
        Kind = kind;
        Length = length;
        _word = word;
    }

    /// <summary>Where a text value starts (in the input or the workspace text).</summary>
    public int Start => (int)_word;
    public long Integer => _word;
    public double Double => BitConverter.Int64BitsToDouble(_word);
    public bool Boolean => _word != 0;

    public static OutputValue None => default;
    public static OutputValue InputText(int start, int length) => new(OutputValueKind.InputText, length, start);
    public static OutputValue WorkspaceText(int start, int length) => new(OutputValueKind.WorkspaceText, length, start);
    public static OutputValue FromInteger(long value) => new(OutputValueKind.Integer, 0, value);
    public static OutputValue FromDouble(double value) => new(OutputValueKind.Double, 0, BitConverter.DoubleToInt64Bits(value));
    public static OutputValue FromBoolean(bool value) => new(OutputValueKind.Boolean, 0, value ? 1 : 0);

    public bool HasValue => Kind != OutputValueKind.None;
}
