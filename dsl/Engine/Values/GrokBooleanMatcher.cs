using System.Text;
using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>
/// The <c>boolean("truePattern", "falsePattern")</c> matcher: "Matches and parses a Boolean, optionally defining the
/// true and false patterns (defaults to true and false, ignoring case)" (grok-dialect spec §3). The two arguments are
/// taken as literal text compared ignoring case, which covers every use seen in real pipelines (<c>"true","false"</c>).
/// </summary>
public sealed class GrokBooleanMatcher
{
    private readonly CaseInsensitiveName trueText;
    private readonly CaseInsensitiveName falseText;

    private GrokBooleanMatcher(string trueText, string falseText)
    {
        this.trueText = new CaseInsensitiveName(trueText, 1);
        this.falseText = new CaseInsensitiveName(falseText, 0);
        var regex = new StringBuilder("(?:");
        // The longer text first, so that an alternation tried in order prefers "yes" over "y".
        var (first, second) = trueText.Length >= falseText.Length ? (trueText, falseText) : (falseText, trueText);
        DateRegexBuilder.AppendIgnoringCase(regex, first);
        regex.Append('|');
        DateRegexBuilder.AppendIgnoringCase(regex, second);
        RegexPattern = regex.Append(')').ToString();
    }

    /// <summary>The default matcher: <c>true</c> or <c>false</c> in any case.</summary>
    public static GrokBooleanMatcher Default { get; } = new("true", "false");

    /// <summary>The regex (same restricted syntax as <see cref="DateFormat.RegexPattern"/>) matching either text.</summary>
    public string RegexPattern { get; }

    /// <summary>Creates a matcher; null arguments take the defaults. Fails when a text is empty or both are equal.</summary>
    public static GrokBooleanMatcher? Create(string? truePattern, string? falsePattern, out string? error)
    {
        error = null;
        var trueText = truePattern ?? "true";
        var falseText = falsePattern ?? "false";
        if (trueText.Length == 0 || falseText.Length == 0)
        {
            error = "boolean matcher patterns must not be empty";
            return null;
        }

        if (string.Equals(trueText, falseText, StringComparison.OrdinalIgnoreCase))
        {
            error = $"boolean matcher true and false patterns are the same (\"{trueText}\")";
            return null;
        }

        return new GrokBooleanMatcher(trueText, falseText);
    }

    /// <summary>Reads matched text: the true text gives true, the false text false, anything else fails.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, out bool value)
    {
        value = false;
        if (trueText.MatchAt(utf8) == utf8.Length)
        {
            value = true;
            return true;
        }

        return falseText.MatchAt(utf8) == utf8.Length;
    }
}
