namespace GrokFlow.Language.Model.Processors;

/// <summary>What an <c>array-processor</c> does.</summary>
public enum ArrayOperation : byte { Select, Append, Length }

/// <summary>
/// <c>array-processor</c>. <c>select</c>: in the array of objects at <see cref="Source"/>, the first element matching
/// <see cref="Filter"/> (a search query on the element's attributes) gives its <see cref="ValueToExtract"/> attribute to
/// <see cref="Target"/>. <c>append</c>: adds the source value to the array at <see cref="Target"/> (the source removed
/// unless <see cref="PreserveSource"/>). <c>length</c>: writes the array's length.
/// </summary>
public sealed record ArrayProcessorModel(
    ArrayOperation Operation,
    string Source,
    string Target,
    string? Filter,
    string? ValueToExtract,
    bool? PreserveSource,
    string? Name,
    bool Enabled,
    int Line) : StepModel("array-processor", Name, Enabled, Line);
