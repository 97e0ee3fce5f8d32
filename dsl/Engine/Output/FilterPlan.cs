using System.Text;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>The filter after the conversion. Kinds from <see cref="Json"/> on give objects or arrays.</summary>
internal enum FilterKind : byte
{
    None, Integer, Number, IntegerExt, NumberExt, Boolean, NullIf, Lowercase, Uppercase, Scale, DecodeUriComponent,
    Json, RubyHash, KeyValue, QueryString, Xml, Csv, Array, Url, UserAgent,
}

/// <summary>A filter compiled for output: its kind and its arguments in the form used per line.</summary>
internal sealed class FilterPlan
{
    public static readonly FilterPlan None = new(FilterKind.None);

    private FilterPlan(FilterKind kind) => Kind = kind;

    public FilterKind Kind { get; }
    public byte[] NullValue { get; private init; } = [];
    public double ScaleFactor { get; private init; }
    public KeyValueScanner? KeyValue { get; private init; }
    public CsvSyntax? Csv { get; private init; }
    public ArraySyntax? Array { get; private init; }
    /// <summary>The filter applied to each array element, or <see cref="None"/>.</summary>
    public FilterPlan Element { get; private init; } = None;
    public bool DecodeUserAgent { get; private init; }

    /// <summary>Whether the filter gives structured values (objects, arrays), written through a <see cref="ValueTree"/>.</summary>
    public bool IsStructured => Kind >= FilterKind.Json;

    public static FilterPlan Create(FilterModel? filter) => filter switch
    {
        null => None,
        NumericFilter n => new FilterPlan(n.Kind switch
        {
            NumericKind.Integer => FilterKind.Integer,
            NumericKind.Number => FilterKind.Number,
            NumericKind.IntegerExt => FilterKind.IntegerExt,
            _ => FilterKind.NumberExt,
        }),
        BooleanFilter => new FilterPlan(FilterKind.Boolean),
        NullIfFilter n => new FilterPlan(FilterKind.NullIf) { NullValue = Encoding.UTF8.GetBytes(n.Value) },
        CaseFilter c => new FilterPlan(c.Upper ? FilterKind.Uppercase : FilterKind.Lowercase),
        ScaleFilter s => new FilterPlan(FilterKind.Scale) { ScaleFactor = s.Factor },
        DecodeUriComponentFilter => new FilterPlan(FilterKind.DecodeUriComponent),
        JsonFilter => new FilterPlan(FilterKind.Json),
        RubyHashFilter => new FilterPlan(FilterKind.RubyHash),
        // The rules compiler has checked the arguments; failing here is a bug.
        KeyValueFilter k => new FilterPlan(FilterKind.KeyValue)
        {
            KeyValue = new KeyValueScanner(KeyValueSyntax.Create(k, out var error) ?? throw new InvalidOperationException($"keyvalue arguments are invalid: {error}")),
        },
        QueryStringFilter => new FilterPlan(FilterKind.QueryString),
        XmlFilter => new FilterPlan(FilterKind.Xml),
        CsvFilter c => new FilterPlan(FilterKind.Csv) { Csv = CsvSyntax.Create(c) },
        ArrayFilter a => new FilterPlan(FilterKind.Array) { Array = ArraySyntax.Create(a), Element = Create(a.Element) },
        UrlFilter => new FilterPlan(FilterKind.Url),
        UserAgentFilter u => new FilterPlan(FilterKind.UserAgent) { DecodeUserAgent = u.DecodeUriComponent },
        _ => throw new ArgumentException($"unknown filter {filter}", nameof(filter)),
    };
}
