namespace GrokFlow.Language.Model.Processors;

/// <summary>One category: the value written when its search <see cref="Query"/> matches.</summary>
public sealed record CategoryModel(string Name, string Query);

/// <summary><c>category-processor</c>: sets <see cref="Target"/> to the name of the first category whose query matches.</summary>
public sealed record CategoryProcessorModel(string Target, EquatableArray<CategoryModel> Categories, string? Name, bool Enabled, int Line)
    : StepModel("category-processor", Name, Enabled, Line);
