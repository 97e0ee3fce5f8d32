namespace GrokFlow.Language.Model.Processors;

/// <summary>One <c>key,value</c> line of a lookup table.</summary>
public sealed record LookupEntry(string Key, string Value);

/// <summary>
/// <c>lookup-processor</c>: when <see cref="Source"/> holds a key of <see cref="Table"/>, writes its value to
/// <see cref="Target"/>; otherwise writes <see cref="Default"/> when one is given (and the source exists).
/// </summary>
public sealed record LookupProcessorModel(string Source, string Target, EquatableArray<LookupEntry> Table, string? Default, string? Name, bool Enabled, int Line)
    : StepModel("lookup-processor", Name, Enabled, Line);
