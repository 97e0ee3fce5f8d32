using System.Text.RegularExpressions;
using GrokFlow.Engine.Matching;
using GrokFlow.Language.Model;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// The oracle of the matcher tests: the pattern the interpreter runs for a rule tree, and every end .NET's backtracking
/// engine reaches from a start, in its order: its first match is the first end; the next end is the first match that
/// ends at none of the ends found so far, and so on.
/// </summary>
internal static class InterpreterRegexEnds
{
    /// <summary>The interpreter's regex for <paramref name="root"/>, without the whole-line anchors.</summary>
    public static string Pattern(Node root)
    {
        var whole = RegexTranslator.Translate(root);
        return whole[@"\A(?:".Length..^@")\z".Length];
    }

    /// <summary>The ends (in characters) of <paramref name="pattern"/> from <paramref name="start"/>, in the order the regex finds them.</summary>
    public static List<int> Ends(string pattern, string text, int start)
    {
        var ends = new List<int>();
        while (true)
        {
            var exclusions = string.Concat(ends.Select(e => $"(?<!^[\\s\\S]{{{e}}})"));
            var match = new Regex($@"\G(?:{pattern}){exclusions}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture).Match(text, start);
            if (!match.Success) return ends;
            ends.Add(match.Index + match.Length);
        }
    }
}
