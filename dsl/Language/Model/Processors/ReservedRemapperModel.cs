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
    public static string TypeOf(ReservedAttribute attribute) => attribute switch
    {
        ReservedAttribute.Date => "date-remapper",
        ReservedAttribute.Status => "status-remapper",
        ReservedAttribute.Service => "service-remapper",
        ReservedAttribute.Message => "message-remapper",
        _ => "trace-id-remapper",
    };
}
