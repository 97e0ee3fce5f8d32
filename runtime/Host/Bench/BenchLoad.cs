using System.Text.Json;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// What the load command sends: template datagrams into which a sender stamps a sequence number per event, how the
/// intake reads an event's number back, and how it checks a sample event's content against what was sent.
/// </summary>
internal abstract class BenchLoad
{
    public abstract string Unit { get; }
    public abstract int EventsPerDatagram { get; }
    public abstract int TemplateCount { get; }

    /// <summary>The template used for the datagram whose first event has <paramref name="firstSequence"/>.</summary>
    public byte[] TemplateFor(long firstSequence) => Template((int)(firstSequence / EventsPerDatagram % TemplateCount));

    protected abstract byte[] Template(int index);

    /// <summary>Writes the events' sequence numbers (and the exporter's datagram sequence) into a copy of the template.</summary>
    public abstract void Stamp(Span<byte> datagram, long firstSequence, uint datagramSequence);

    /// <summary>The JSON key whose value carries the number, and the byte after which its digits start (0: at once).</summary>
    public abstract ReadOnlySpan<byte> SequenceKey { get; }
    public abstract byte DigitsAfter { get; }

    /// <summary>Null when the event is what was sent with that number, else what differs.</summary>
    public abstract string? Check(JsonElement e, long sequence);
}
