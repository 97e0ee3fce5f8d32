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
    int Line) : StepModel("attribute-remapper", Name, Enabled, Line);
