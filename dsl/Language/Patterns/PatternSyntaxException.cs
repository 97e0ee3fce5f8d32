namespace GrokFlow.Language.Patterns;

/// <summary>An invalid pattern: the message and the 0-based offset of the problem in the pattern text.</summary>
public sealed class PatternSyntaxException(string message, int offset, string code) : Exception(message)
{
    public int Offset { get; } = offset;
    public string Code { get; } = code;
}
