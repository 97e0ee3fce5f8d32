namespace GrokFlow.Language.Model;

/// <summary>How a matcher turns its matched text into a value, before any filter.</summary>
public abstract record ValueConversion
{
    /// <summary>The text as a string (most matchers).</summary>
    public static readonly ValueConversion Text = new TextConversion();
}

public sealed record TextConversion : ValueConversion;

public enum NumericKind { Integer, Number, IntegerExt, NumberExt }

/// <summary><c>integer</c>, <c>number</c>, <c>integerExt</c>, <c>numberExt</c>: parsed into a long or a double.</summary>
public sealed record NumericConversion(NumericKind Kind) : ValueConversion;

/// <summary><c>boolean("t","f")</c>: the true pattern gives true, the false pattern false (case-insensitive).</summary>
public sealed record BooleanConversion(string TruePattern, string FalsePattern) : ValueConversion;

/// <summary><c>date("pattern", "tz", "locale")</c>: epoch milliseconds.</summary>
public sealed record DateConversion(string Pattern, string? TimeZone, string? Locale) : ValueConversion;
