namespace GrokFlow.Engine.Values;

/// <summary>
/// The <c>scale(factor)</c> filter: multiplies a number, or numeric text, by the factor. Datadog gives a double
/// (nginx's recorded <c>duration</c> is <c>2.02E8</c>); a result that is not finite fails.
/// </summary>
public static class GrokScale
{
    /// <summary>Scales a value already read as a number.</summary>
    public static bool TryScale(double value, double factor, out double result)
    {
        result = value * factor;
        return double.IsFinite(result);
    }

    /// <summary>Scales numeric text (<c>0.202</c>, <c>-3</c>, <c>1e3</c>); text that is not a number fails.</summary>
    public static bool TryScale(ReadOnlySpan<byte> utf8, double factor, out double result)
    {
        result = 0;
        return GrokNumbers.TryParseNumberExt(utf8, out var value) && TryScale(value, factor, out result);
    }
}
