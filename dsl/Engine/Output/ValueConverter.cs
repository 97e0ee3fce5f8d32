using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Turns a capture's matched text into its value: the matcher's conversion, then the filter. A conversion or filter
/// that fails (text that is not a number, a date out of range) gives no value, so the attribute is dropped.
/// </summary>
internal static class ValueConverter
{
    public static OutputValue Convert(CapturePlan capture, ReadOnlySpan<byte> input, int start, int end, ParseContext context)
    {
        var text = input[start..end];
        var value = capture.Conversion switch
        {
            ConversionKind.Text => OutputValue.InputText(start, end - start),
            ConversionKind.Integer => GrokNumbers.TryParseInteger(text, out var l) ? OutputValue.FromInteger(l) : OutputValue.None,
            ConversionKind.IntegerExt => GrokNumbers.TryParseIntegerExt(text, out var l) ? OutputValue.FromInteger(l) : OutputValue.None,
            ConversionKind.Number => GrokNumbers.TryParseNumber(text, out var d) ? OutputValue.FromDouble(d) : OutputValue.None,
            ConversionKind.NumberExt => GrokNumbers.TryParseNumberExt(text, out var d) ? OutputValue.FromDouble(d) : OutputValue.None,
            ConversionKind.Boolean => capture.Boolean!.TryParse(text, out var b) ? OutputValue.FromBoolean(b) : OutputValue.None,
            ConversionKind.Date => capture.Date!.TryParse(text, context.Clock, ref context.Output.DateMemo, out var ms) ? OutputValue.FromInteger(ms) : OutputValue.None,
            _ => OutputValue.None,
        };
        if (!value.HasValue || capture.Filter.Kind == FilterKind.None) return value;
        return Filter(capture.Filter, value, text, context.Output);
    }

    /// <summary>
    /// Applies the filter to a converted value. Filters read text values as text and numbers as numbers: <c>integer</c>
    /// on a double truncates, <c>number</c> on an integer widens, <c>scale</c> works on both and on numeric text, case
    /// filters leave non-text unchanged, and <c>nullIf</c> compares the matched text whatever its conversion.
    /// </summary>
    public static OutputValue Filter(FilterPlan filter, OutputValue value, ReadOnlySpan<byte> matched, OutputWorkspace workspace)
    {
        var isText = value.Kind is OutputValueKind.InputText or OutputValueKind.WorkspaceText;
        switch (filter.Kind)
        {
            case FilterKind.Integer or FilterKind.IntegerExt:
                if (isText)
                {
                    var ok = filter.Kind == FilterKind.Integer ? GrokNumbers.TryParseInteger(matched, out var l) : GrokNumbers.TryParseIntegerExt(matched, out l);
                    return ok ? OutputValue.FromInteger(l) : OutputValue.None;
                }
                return value.Kind switch
                {
                    OutputValueKind.Integer => value,
                    OutputValueKind.Double when value.Double is > -9.2233720368547758E18 and < 9.2233720368547758E18 => OutputValue.FromInteger((long)value.Double),
                    _ => OutputValue.None,
                };
            case FilterKind.Number or FilterKind.NumberExt:
                if (isText)
                {
                    var ok = filter.Kind == FilterKind.Number ? GrokNumbers.TryParseNumber(matched, out var d) : GrokNumbers.TryParseNumberExt(matched, out d);
                    return ok ? OutputValue.FromDouble(d) : OutputValue.None;
                }
                return value.Kind switch
                {
                    OutputValueKind.Integer => OutputValue.FromDouble(value.Integer),
                    OutputValueKind.Double => value,
                    _ => OutputValue.None,
                };
            case FilterKind.Boolean:
                if (isText) return GrokBoolean.TryParse(matched, out var b) ? OutputValue.FromBoolean(b) : OutputValue.None;
                return value.Kind == OutputValueKind.Boolean ? value : OutputValue.None;
            case FilterKind.NullIf:
                return GrokNullIf.IsNull(matched, filter.NullValue) ? OutputValue.None : value;
            case FilterKind.Lowercase or FilterKind.Uppercase:
                if (!isText) return value;
                var room = workspace.ReserveText(GrokCaseMapping.MaxByteCount(matched.Length));
                var written = filter.Kind == FilterKind.Lowercase ? GrokCaseMapping.ToLower(matched, room) : GrokCaseMapping.ToUpper(matched, room);
                return OutputValue.WorkspaceText(workspace.CommitText(written), written);
            case FilterKind.Scale:
                double scaled;
                var scaledOk = value.Kind switch
                {
                    OutputValueKind.InputText or OutputValueKind.WorkspaceText => GrokScale.TryScale(matched, filter.ScaleFactor, out scaled),
                    OutputValueKind.Integer => GrokScale.TryScale(value.Integer, filter.ScaleFactor, out scaled),
                    OutputValueKind.Double => GrokScale.TryScale(value.Double, filter.ScaleFactor, out scaled),
                    _ => Fail(out scaled),
                };
                return scaledOk ? OutputValue.FromDouble(scaled) : OutputValue.None;
            case FilterKind.DecodeUriComponent:
                if (!isText) return value;
                var decodeRoom = workspace.ReserveText(matched.Length);
                var decoded = UriDecoding.Decode(matched, decodeRoom, plusIsSpace: false);
                return OutputValue.WorkspaceText(workspace.CommitText(decoded), decoded);
            default:
                return value;
        }
    }

    private static bool Fail(out double value)
    {
        value = 0;
        return false;
    }
}
