using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Language.Model;

/// <summary>The <c>csv</c> arguments compiled: the header keys in UTF-8, the separator and the quoting byte.</summary>
internal sealed class CsvSyntax
{
    private CsvSyntax(byte[][] headers, byte separator, byte quote)
    {
        Headers = headers;
        Separator = separator;
        Quote = quote;
    }

    public byte[][] Headers { get; }
    public byte Separator { get; }
    public byte Quote { get; }

    public static CsvSyntax Create(CsvFilter filter)
    {
        if (filter.Separator > 0x7f || filter.Quote > 0x7f)
            throw new InvalidOperationException("csv separator and quote must be ASCII");
        return new CsvSyntax([.. CsvHeaders.Split(filter.Headers).Select(Encoding.UTF8.GetBytes)], (byte)filter.Separator, (byte)filter.Quote);
    }
}
