namespace GrokFlow.Language.Syntax;

/// <summary>A 1-based line and column in a .rules file, and how many characters the item spans there.</summary>
public readonly record struct SourceSpan(int Line, int Column, int Length = 1)
{
    /// <summary>The position <paramref name="offset"/> characters further on the same line.</summary>
    public SourceSpan Shift(int offset, int length = 1) => new(Line, Column + offset, length);
}
