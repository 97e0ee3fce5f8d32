using System.Collections.Immutable;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Language.Compilation;

/// <summary>Splits a string-builder template into literal text and <c>%{attribute.path}</c> references.</summary>
public static class TemplateParser
{
    /// <summary>The parts, or null with <paramref name="error"/> and the 0-based <paramref name="column"/> of the problem.</summary>
    public static ImmutableArray<TemplatePart>? Parse(string template, out string? error, out int column)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("%{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(template.Substring(position), false));
                break;
            }
            if (open > position) parts.Add(new TemplatePart(template.Substring(position, open - position), false));
            var close = template.IndexOf('}', open + 2);
            if (close < 0)
            {
                error = "'%{' without its closing '}'";
                column = open;
                return null;
            }
            var path = template.Substring(open + 2, close - open - 2).Trim();
            if (path.Length == 0)
            {
                error = "an empty '%{}' names no attribute";
                column = open;
                return null;
            }
            parts.Add(new TemplatePart(path, true));
            position = close + 1;
        }
        error = null;
        column = 0;
        return parts.ToImmutable();
    }
}
