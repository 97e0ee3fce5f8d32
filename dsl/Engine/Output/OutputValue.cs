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

/// <summary>One capture's value for the current line. Text values are offsets, never copies of the input.</summary>
internal struct OutputValue
{
    public OutputValueKind Kind;
    public int Start;
    public int Length;
    public long Integer;
    public double Double;
    public bool Boolean;

    public static OutputValue None => default;
    public static OutputValue InputText(int start, int length) => new() { Kind = OutputValueKind.InputText, Start = start, Length = length };
    public static OutputValue WorkspaceText(int start, int length) => new() { Kind = OutputValueKind.WorkspaceText, Start = start, Length = length };
    public static OutputValue FromInteger(long value) => new() { Kind = OutputValueKind.Integer, Integer = value };
    public static OutputValue FromDouble(double value) => new() { Kind = OutputValueKind.Double, Double = value };
    public static OutputValue FromBoolean(bool value) => new() { Kind = OutputValueKind.Boolean, Boolean = value };

    public readonly bool HasValue => Kind != OutputValueKind.None;
}
