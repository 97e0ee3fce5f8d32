using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// <c>string-builder-processor</c>: writes <see cref="Template"/> with each <c>%{path}</c> replaced by the attribute's
/// value to <see cref="Target"/>. <see cref="Parts"/> is the template split into literal text and attribute paths. A
/// missing attribute skips the processor, or gives an empty string with <see cref="ReplaceMissing"/>.
/// </summary>
public sealed record StringBuilderModel(string Template, EquatableArray<TemplatePart> Parts, string Target, bool ReplaceMissing, string? Name, bool Enabled, int Line)
    : StepModel("string-builder-processor", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("string-builder-processor",
        [new("template", DatadogSettingKind.Text), DatadogSetting.Target, DatadogSetting.ReplaceMissing], Compile);

    private static StringBuilderModel Compile(ProcessorSettings s)
    {
        var template = s.String("template") ?? "";
        var parts = TemplateParser.Parse(template, out var error, out var column);
        if (parts is null)
            s.Error(DiagnosticCodes.BadExpression, $"invalid template at character {column + 1}: {error}", s.All("template").First().Span);
        return new StringBuilderModel(template, parts ?? [], s.String("target") ?? "", s.Bool("is_replace_missing") ?? false,
            s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}

/// <summary>Literal text (<see cref="IsAttribute"/> false) or an attribute path to substitute.</summary>
public sealed record TemplatePart(string Text, bool IsAttribute);
