using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Language.Model;

/// <summary>The <c>array</c> arguments compiled: optional brackets and the separator, in UTF-8.</summary>
internal sealed class ArraySyntax
{
    private ArraySyntax(byte[] open, byte[] close, byte[] separator)
    {
        Open = open;
        Close = close;
        Separator = separator;
    }

    public byte[] Open { get; }
    public byte[] Close { get; }
    public byte[] Separator { get; }

    public static ArraySyntax Create(ArrayFilter filter) =>
        new(Encoding.UTF8.GetBytes(filter.Open), Encoding.UTF8.GetBytes(filter.Close), Encoding.UTF8.GetBytes(filter.Separator));

    /// <summary>
    /// The part between the brackets when the text is bracketed, else the whole text: Datadog's engine splits
    /// unbracketed text too (grok-dialect spec section 9 #2).
    /// </summary>
    public (int Start, int Length) Inner(ReadOnlySpan<byte> text)
    {
        if (Open.Length > 0 && text.Length >= Open.Length + Close.Length && text.StartsWith(Open) && text.EndsWith(Close))
            return (Open.Length, text.Length - Open.Length - Close.Length);
        return (0, text.Length);
    }
}
