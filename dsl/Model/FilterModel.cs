namespace GrokFlow.Dsl.Model;

/// <summary>A checked filter applied to a matcher's value (the part after the second ':' of a token).</summary>
public abstract record FilterModel(string Name);

/// <summary><c>number</c>, <c>integer</c>, <c>numberExt</c>, <c>integerExt</c> as filters.</summary>
public sealed record NumericFilter(NumericKind Kind) : FilterModel(Kind switch
{
    NumericKind.Integer => "integer",
    NumericKind.Number => "number",
    NumericKind.IntegerExt => "integerExt",
    _ => "numberExt",
});

/// <summary><c>boolean</c>: true and false, ignoring case.</summary>
public sealed record BooleanFilter() : FilterModel("boolean");

/// <summary><c>nullIf("value")</c>: no value when the text equals <see cref="Value"/>.</summary>
public sealed record NullIfFilter(string Value) : FilterModel("nullIf");

/// <summary><c>lowercase</c> / <c>uppercase</c>.</summary>
public sealed record CaseFilter(bool Upper) : FilterModel(Upper ? "uppercase" : "lowercase");

/// <summary><c>scale(factor)</c>: the numeric value times the factor, a double.</summary>
public sealed record ScaleFilter(double Factor) : FilterModel("scale");
