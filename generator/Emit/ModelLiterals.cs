using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>Writes model values (captures, conversions, filters) as the C# expressions that rebuild them.</summary>
internal static class ModelLiterals
{
    public static string Capture(CaptureModel capture) =>
        $"new CaptureModel({capture.Slot}, [{string.Join(", ", capture.Path.Select(CSharpLiterals.String))}], " +
        $"{Conversion(capture.Conversion)}, {Filter(capture.Filter)}, {CSharpLiterals.String(capture.Token)})";

    private static string Conversion(ValueConversion conversion) => conversion switch
    {
        TextConversion => "ValueConversion.Text",
        NumericConversion n => $"new NumericConversion(NumericKind.{n.Kind})",
        BooleanConversion b => $"new BooleanConversion({CSharpLiterals.String(b.TruePattern)}, {CSharpLiterals.String(b.FalsePattern)})",
        DateConversion d => $"new DateConversion({CSharpLiterals.String(d.Pattern)}, {CSharpLiterals.String(d.TimeZone)}, {CSharpLiterals.String(d.Locale)})",
        _ => throw new InvalidOperationException($"unknown conversion {conversion}"),
    };

    private static string Filter(FilterModel? filter) => filter switch
    {
        null => "null",
        NumericFilter n => $"new NumericFilter(NumericKind.{n.Kind})",
        BooleanFilter => "new BooleanFilter()",
        NullIfFilter n => $"new NullIfFilter({CSharpLiterals.String(n.Value)})",
        CaseFilter c => $"new CaseFilter(Upper: {(c.Upper ? "true" : "false")})",
        ScaleFilter s => $"new ScaleFilter({CSharpLiterals.Double(s.Factor)})",
        JsonFilter => "new JsonFilter()",
        RubyHashFilter => "new RubyHashFilter()",
        KeyValueFilter k => $"new KeyValueFilter({CSharpLiterals.String(k.Separator)}, {CSharpLiterals.String(k.AllowList)}, {CSharpLiterals.String(k.Quotes)}, {CSharpLiterals.String(k.Delimiters)})",
        QueryStringFilter => "new QueryStringFilter()",
        DecodeUriComponentFilter => "new DecodeUriComponentFilter()",
        XmlFilter => "new XmlFilter()",
        CsvFilter c => $"new CsvFilter({CSharpLiterals.String(c.Headers)}, (char){(int)c.Separator}, (char){(int)c.Quote})",
        ArrayFilter a => $"new ArrayFilter({CSharpLiterals.String(a.Open)}, {CSharpLiterals.String(a.Close)}, {CSharpLiterals.String(a.Separator)}, {Filter(a.Element)})",
        UrlFilter => "new UrlFilter()",
        UserAgentFilter u => $"new UserAgentFilter({(u.DecodeUriComponent ? "true" : "false")})",
        _ => throw new InvalidOperationException($"unknown filter {filter}"),
    };
}
