namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// <c>string-builder-processor</c>: writes <see cref="Template"/> with each <c>%{path}</c> replaced by the attribute's
/// value to <see cref="Target"/>. <see cref="Parts"/> is the template split into literal text and attribute paths. A
/// missing attribute skips the processor, or gives an empty string with <see cref="ReplaceMissing"/>.
/// </summary>
public sealed record StringBuilderModel(string Template, EquatableArray<TemplatePart> Parts, string Target, bool ReplaceMissing, string? Name, bool Enabled, int Line)
    : StepModel("string-builder-processor", Name, Enabled, Line);

/// <summary>Literal text (<see cref="IsAttribute"/> false) or an attribute path to substitute.</summary>
public sealed record TemplatePart(string Text, bool IsAttribute);
