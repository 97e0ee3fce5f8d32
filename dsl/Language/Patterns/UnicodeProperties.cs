using System.Globalization;
using GrokFlow.Language.Model;

namespace GrokFlow.Language.Patterns;

/// <summary>The <c>\p{...}</c> properties and POSIX classes a pattern may use.</summary>
internal static class UnicodeProperties
{
    public const string Names = "L, Lu, Ll, N, Nd, P, S, Z, Alpha, Digit, Alnum, Upper, Lower, Space, Punct, XDigit, ASCII, Print, Graph, Cntrl, Blank";

    public static CharSet? Lookup(string name) => name switch
    {
        "L" or "IsL" or "Letter" => Category(UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter),
        "Lu" => Category(UnicodeCategory.UppercaseLetter),
        "Ll" => Category(UnicodeCategory.LowercaseLetter),
        "N" => Category(UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber),
        "Nd" => Category(UnicodeCategory.DecimalDigitNumber),
        "P" => Category(UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation),
        "S" => Category(UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol),
        "Z" => Category(UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator),
        _ => Posix(name.ToLowerInvariant()),
    };

    public static CharSet? Posix(string name) => name.ToLowerInvariant() switch
    {
        "alpha" => CharSet.Of(('A', 'Z'), ('a', 'z')),
        "digit" => CharSet.Digits,
        "alnum" => CharSet.Of(('0', '9'), ('A', 'Z'), ('a', 'z')),
        "upper" => CharSet.Of(('A', 'Z')),
        "lower" => CharSet.Of(('a', 'z')),
        "space" => CharSet.Space,
        "blank" => CharSet.Of((' ', ' '), ('\t', '\t')),
        "punct" => CharSet.Of(('!', '/'), (':', '@'), ('[', '`'), ('{', '~')),
        "xdigit" => CharSet.Of(('0', '9'), ('A', 'F'), ('a', 'f')),
        "ascii" => CharSet.Of((0, 0x7F)),
        "print" => CharSet.Of((0x20, 0x7E)),
        "graph" => CharSet.Of((0x21, 0x7E)),
        "cntrl" => CharSet.Of((0, 0x1F), (0x7F, 0x7F)),
        "word" => CharSet.Word,
        _ => null,
    };

    private static CharSet Category(params UnicodeCategory[] categories)
    {
        var ranges = new List<(int, int)>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            if (Array.IndexOf(categories, CharUnicodeInfo.GetUnicodeCategory((char)c)) >= 0) ranges.Add((c, c));
        }
        return new CharSet(ranges);
    }
}
