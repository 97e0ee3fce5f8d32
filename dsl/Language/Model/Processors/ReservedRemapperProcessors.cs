using GrokFlow.Language.Compilation;

namespace GrokFlow.Language.Model.Processors;

/// <summary>The reserved attribute a reserved-attribute remapper sets.</summary>
public enum ReservedAttribute : byte { Date, Status, Service, Message, TraceId }

/// <summary>
/// <c>date-remapper</c>, <c>status-remapper</c>, <c>service-remapper</c>, <c>message-remapper</c>,
/// <c>trace-id-remapper</c>: the first existing source becomes the event's official date, status, service, message or
/// trace id. <see cref="OverrideOnConflict"/> is kept as written (null: not written) for export.
/// </summary>
public sealed record ReservedRemapperModel(
    ReservedAttribute Attribute,
    EquatableArray<string> Sources,
    bool? OverrideOnConflict,
    string? Name,
    bool Enabled,
    int Line) : StepModel(TypeOf(Attribute), Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor DateRemapper = Descriptor(ReservedAttribute.Date, null);
    internal static readonly ProcessorDescriptor StatusRemapper = Descriptor(ReservedAttribute.Status, null);
    internal static readonly ProcessorDescriptor ServiceRemapper = Descriptor(ReservedAttribute.Service, null);
    internal static readonly ProcessorDescriptor MessageRemapper = Descriptor(ReservedAttribute.Message, "msg");
    internal static readonly ProcessorDescriptor TraceIdRemapper = Descriptor(ReservedAttribute.TraceId, "dd.trace_id");

    private static ProcessorDescriptor Descriptor(ReservedAttribute attribute, string? defaultSource) =>
        new(TypeOf(attribute), [DatadogSetting.Sources, DatadogSetting.OverrideOnConflict], s =>
            new ReservedRemapperModel(attribute, defaultSource is null ? s.Strings("sources") : s.Strings("sources", defaultSource),
                s.Bool("override_on_conflict"), s.Processor.Name, s.Enabled, s.Processor.Span.Line));

    public static string TypeOf(ReservedAttribute attribute) => attribute switch
    {
        ReservedAttribute.Date => "date-remapper",
        ReservedAttribute.Status => "status-remapper",
        ReservedAttribute.Service => "service-remapper",
        ReservedAttribute.Message => "message-remapper",
        _ => "trace-id-remapper",
    };
}
