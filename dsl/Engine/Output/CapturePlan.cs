using System.Text;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Output;

/// <summary>The matcher's own conversion of a capture's text, before any filter.</summary>
internal enum ConversionKind : byte { Text, Integer, Number, IntegerExt, NumberExt, Boolean, Date }

/// <summary>
/// One capture compiled for output: the slot it reads, its conversion with anything it needs precompiled (the date
/// format, the boolean patterns), and its filter with its arguments in the form used per line.
/// </summary>
internal sealed class CapturePlan
{
    private CapturePlan(int slot, ConversionKind conversion, FilterPlan filter, byte[][] path)
    {
        Slot = slot;
        Conversion = conversion;
        Filter = filter;
        Path = path;
    }

    public int Slot { get; }
    public ConversionKind Conversion { get; }
    public FilterPlan Filter { get; }
    public DateFormat? Date { get; private init; }
    public GrokBooleanMatcher? Boolean { get; private init; }

    /// <summary>The path segments in UTF-8; empty for <c>%{m::filter}</c>, whose object merges at the root.</summary>
    public byte[][] Path { get; }

    /// <summary>Whether the value must go through a <see cref="Values.Structured.ValueTree"/>.</summary>
    public bool IsStructured => Filter.IsStructured || Path.Length == 0;

    public static CapturePlan Create(CaptureModel capture)
    {
        DateFormat? date = null;
        GrokBooleanMatcher? boolean = null;
        var conversion = capture.Conversion switch
        {
            TextConversion => ConversionKind.Text,
            NumericConversion n => n.Kind switch
            {
                NumericKind.Integer => ConversionKind.Integer,
                NumericKind.Number => ConversionKind.Number,
                NumericKind.IntegerExt => ConversionKind.IntegerExt,
                _ => ConversionKind.NumberExt,
            },
            BooleanConversion b => WithBoolean(b, out boolean),
            DateConversion d => WithDate(d, out date),
            _ => throw new ArgumentException($"unknown conversion {capture.Conversion}", nameof(capture)),
        };
        return new CapturePlan(capture.Slot, conversion, FilterPlan.Create(capture.Filter), [.. capture.Path.Select(Encoding.UTF8.GetBytes)])
        {
            Date = date,
            Boolean = boolean,
        };
    }

    private static ConversionKind WithDate(DateConversion d, out DateFormat? date)
    {
        // The rules compiler has already compiled this format and reported its errors; failing here is a bug.
        date = DateFormat.Compile(d.Pattern, d.TimeZone, d.Locale, out var error)
               ?? throw new InvalidOperationException($"date(\"{d.Pattern}\") does not compile: {error}");
        return ConversionKind.Date;
    }

    private static ConversionKind WithBoolean(BooleanConversion b, out GrokBooleanMatcher? boolean)
    {
        boolean = GrokBooleanMatcher.Create(b.TruePattern, b.FalsePattern, out var error)
                  ?? throw new InvalidOperationException($"boolean(\"{b.TruePattern}\", \"{b.FalsePattern}\") is invalid: {error}");
        return ConversionKind.Boolean;
    }
}
