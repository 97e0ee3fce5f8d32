using GrokFlow.Language.Model;
using GrokFlow.Language.Patterns;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Datadog splices a helper rule's text into the rules that reference it. A helper that is a complete pattern on its
/// own reads the same either way and is expanded as a unit; one that is not (symantec_endpoint_protection's
/// <c>scan_results ?((Scan Complete|…)…)</c>, whose leading <c>?</c> quantifies what precedes <c>%{scan_results}</c>
/// in the rule) only means something as text, so its bare references (<c>%{name}</c>, no extract, no filter) are
/// replaced by its text before the rule is parsed. A reference that extracts or filters it stays an error.
/// </summary>
internal static class HelperSplicing
{
    /// <summary>Enough rounds for helpers spliced into helpers; a cycle stops here and is then reported as an error.</summary>
    private const int MaxDepth = 8;

    public static bool IsCompletePattern(string pattern)
    {
        try
        {
            PatternParser.Parse(pattern, SyntaxOnlyHost.Instance);
            return true;
        }
        catch (PatternSyntaxException)
        {
            return false;
        }
    }

    public static bool IsReferenced(string name, IEnumerable<RuleSyntax> rules) =>
        rules.Any(r => r.Name != name && r.Pattern.Contains(Reference(name), StringComparison.Ordinal));

    /// <summary>The pattern with the bare references to <paramref name="helpers"/> replaced by their text (the same instance when none).</summary>
    public static string Splice(string pattern, IReadOnlyList<RuleSyntax> helpers)
    {
        for (var depth = 0; depth < MaxDepth && helpers.Count > 0; depth++)
        {
            var spliced = pattern;
            foreach (var helper in helpers) spliced = spliced.Replace(Reference(helper.Name), helper.Pattern, StringComparison.Ordinal);
            if (spliced == pattern) break;
            pattern = spliced;
        }

        return pattern;
    }

    private static string Reference(string name) => "%{" + name + "}";

    /// <summary>Stands a literal in for every token: only the pattern's own syntax is checked.</summary>
    private sealed class SyntaxOnlyHost : IPatternHost
    {
        public static readonly SyntaxOnlyHost Instance = new();

        public Node ExpandToken(GrokTokenSyntax token, int offset, int length, PatternFlags flags) => new TextNode("x", false);

        public int DeclareNamedGroup(string name, int offset) => 0;
    }
}
