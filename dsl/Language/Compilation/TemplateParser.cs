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
        (error, column) = (null, 0);
        for (var position = 0; position < template.Length;)
        {
            var open = template.IndexOf("%{", position, StringComparison.Ordinal);
            if (open != position) parts.Add(new TemplatePart(template[position..(open < 0 ? template.Length : open)], false));
            if (open < 0) break;
            var close = template.IndexOf('}', open + 2);
            var path = close < 0 ? "" : template[(open + 2)..close].Trim();
            if (path.Length == 0)
            {
                (error, column) = (close < 0 ? "'%{' without its closing '}'" : "an empty '%{}' names no attribute", open);
                return null;
            }
            parts.Add(new TemplatePart(path, true));
            position = close + 1;
        }
        return parts.ToImmutable();
    }
}
