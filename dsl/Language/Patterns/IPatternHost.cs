using GrokFlow.Language.Model;

namespace GrokFlow.Language.Patterns;

/// <summary>What the pattern parser asks of its caller: expanding grok tokens and numbering raw named groups.</summary>
public interface IPatternHost
{
    /// <summary>
    /// Expands a <c>%{...}</c> token found at <paramref name="offset"/> (of <paramref name="length"/> chars), where
    /// <paramref name="flags"/> are in force.
    /// </summary>
    Node ExpandToken(GrokTokenSyntax token, int offset, int length, PatternFlags flags);

    /// <summary>A raw <c>(?&lt;name&gt;...)</c> group: returns the capture slot that extracts it as a top-level key.</summary>
    int DeclareNamedGroup(string name, int offset);
}
