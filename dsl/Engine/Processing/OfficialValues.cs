namespace GrokFlow.Engine.Processing;

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

    /// <summary>
    /// The log's message when known apart from the <c>message</c> attribute: the message the log was sent with
    /// (<see cref="SetSentMessage"/>), replaced only by a message remapper. A grok parser that extracts
    /// <c>message</c>, or a remapper that moves it, changes the attribute, not the log's message (Datadog's recorded
    /// results keep the sent message and show the extracted one as the attribute <c>message</c>). Unset when the
    /// caller did not record it: the attribute is then the message.
    /// </summary>
    public (int Start, int Length)? Message { get; set; }

    /// <summary>Records the message the log was sent with.</summary>
    public void SetSentMessage((int Start, int Length) message) => Message = message;

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
        Message = null;
    }
}
