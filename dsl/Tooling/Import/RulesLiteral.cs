using System.Text;

namespace GrokFlow.Tooling.Import;

/// <summary>Values as the .rules parser reads them back: quoted strings with its escapes, or bare words where safe.</summary>
public static class RulesLiteral
{
    /// <summary>
    /// <paramref name="text"/> in double quotes, with <c>\"</c>, <c>\\</c>, <c>\n</c> and <c>\t</c> escaped. A carriage
    /// return has no escape in the grammar and is left out.
    /// </summary>
    public static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>A setting value: bare when it is a plain word or attribute path (<c>http.url</c>), quoted otherwise.</summary>
    public static string Value(string text) => IsBare(text) ? text : Quoted(text);

    private static bool IsBare(string text)
    {
        if (text.Length == 0 || !(char.IsLetterOrDigit(text[0]) || text[0] is '_' or '@' or '$')) return false;
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '@' or '$' or '/' or ':' or '*')) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="text"/> can be an attribute after <c>grok</c> (the grammar's identifier).</summary>
    public static bool IsIdentifier(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '@' or '$');

    /// <summary>One line: line breaks become spaces (for comments).</summary>
    public static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
