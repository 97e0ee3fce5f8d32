using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokFlow.Generator.Emit;

/// <summary>C# literal syntax for values written into generated code.</summary>
internal static class CSharpLiterals
{
    /// <summary>Text escaped for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal, escaped by Roslyn (control characters and lone surrogates as escapes).</summary>
    public static string String(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 literal (<c>"abc"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    public static string Double(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    /// <summary>Makes a C# identifier out of a rule or pipeline name.</summary>
    public static string Identifier(string name, bool pascal = false)
    {
        var sb = new StringBuilder();
        var upperNext = pascal;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else upperNext = pascal;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>Keeps comment text on one line and free of sequences that would end the comment early.</summary>
    public static string CommentText(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
