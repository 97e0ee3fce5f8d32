namespace GrokFlow.Dsl.Processing;

/// <summary>
/// The reserved values of an event that Datadog keeps outside the attributes: the official date (epoch milliseconds),
/// status, service and trace id, set by the reserved-attribute remappers. Each is unset until a remapper sets it.
/// Text values live in the owning <see cref="EventDocument"/>'s storage.
/// </summary>
public sealed class OfficialValues
{
    public long? Date { get; set; }
    public (int Start, int Length)? Status { get; set; }
    public (int Start, int Length)? Service { get; set; }
    public (int Start, int Length)? TraceId { get; set; }

    /// <summary>
    /// Whether a service remapper set <see cref="Service"/> (the first one wins). A service the log was sent with
    /// (<see cref="SetSentService"/>) is the service until a remapper replaces it.
    /// </summary>
    public bool ServiceRemapped { get; set; }

    /// <summary>Whether the message was set by a message remapper (the first one wins).</summary>
    public bool MessageRemapped { get; set; }

    /// <summary>Sets the service the sender gave the log (the intake's <c>service</c> field), which filters see.</summary>
    public void SetSentService((int Start, int Length) service)
    {
        Service = service;
        ServiceRemapped = false;
    }

    internal void Reset()
    {
        Date = null;
        Status = null;
        Service = null;
        ServiceRemapped = false;
        TraceId = null;
        MessageRemapped = false;
    }
}
