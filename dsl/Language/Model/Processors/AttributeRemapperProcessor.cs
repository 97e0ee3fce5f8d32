using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>Where a remapper reads or writes: an attribute (dotted path) or a tag key.</summary>
public enum RemapKind : byte { Attribute, Tag }

/// <summary>How a remapped value is cast when the target is an attribute (<c>auto</c> keeps the type).</summary>
public enum TargetFormat : byte { Auto, String, Integer, Double }

/// <summary>
/// <c>attribute-remapper</c>: moves (or with <see cref="PreserveSource"/> copies) the first existing source to
/// <see cref="Target"/>, casting per <see cref="Format"/>; an existing target is kept unless
/// <see cref="OverrideOnConflict"/>. <see cref="FormatGiven"/> records whether <c>target_format</c> was written.
/// </summary>
public sealed record AttributeRemapperModel(
    EquatableArray<string> Sources,
    RemapKind SourceType,
    string Target,
    RemapKind TargetType,
    TargetFormat Format,
    bool FormatGiven,
    bool PreserveSource,
    bool OverrideOnConflict,
    string? Name,
    bool Enabled,
    int Line) : StepModel("attribute-remapper", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("attribute-remapper",
    [
        DatadogSetting.Sources,
        new("source_type", DatadogSettingKind.Text, false, "sourceType"),
        DatadogSetting.Target,
        new("target_type", DatadogSettingKind.Text, false, "targetType"),
        new("target_format", DatadogSettingKind.Text, false, "targetFormat"),
        new("preserve_source", DatadogSettingKind.Flag, false, "preserveSource"),
        DatadogSetting.OverrideOnConflict,
    ], Compile);

    private static AttributeRemapperModel Compile(ProcessorSettings s)
    {
        var p = s.Processor;
        var format = s.Choice("target_format", "auto", "string", "integer", "double");
        var target = s.String("target") ?? "";
        if (target.IndexOfAny([':', ',']) >= 0)
            s.Error(DiagnosticCodes.BadSetting, "a remapper target may not contain ':' or ','", p.Span);
        return new AttributeRemapperModel(
            s.Strings("sources"),
            (RemapKind)(s.Choice("source_type", "attribute", "tag") ?? 0),
            target,
            (RemapKind)(s.Choice("target_type", "attribute", "tag") ?? 0),
            (TargetFormat)(format ?? 0),
            format is not null,
            s.Bool("preserve_source") ?? false,
            s.Bool("override_on_conflict") ?? false,
            p.Name, s.Enabled, p.Span.Line);
    }
}
