using System.Diagnostics.CodeAnalysis;

namespace GrokFlow.Engine.NetFlow;

/// <summary>
/// A NetFlow layout compiled from a <c>netflow</c> block of a .rules file: the fixed-offset v5 decoder and the
/// v9/IPFIX element catalog from which template plans are prepared.
/// </summary>
public interface INetFlowLayout
{
    string Id { get; }

    /// <summary>Whether the block describes the v5 header and record.</summary>
    bool HasV5 { get; }

    /// <summary>
    /// Writes a v5 flow event from its opening brace up to (not including) the closing fields that the collector
    /// adds (host, brace). <paramref name="header"/> is the 24-byte header, <paramref name="record"/> one 48-byte record.
    /// </summary>
    void WriteV5Event(FlowJsonWriter writer, ReadOnlySpan<byte> header, ReadOnlySpan<byte> record, in FlowTimes times);

    /// <summary>The element with this enterprise number (0 for IANA/Cisco) and ID, if the layout names it.</summary>
    bool TryGetElement(uint enterpriseNumber, ushort id, [NotNullWhen(true)] out NetFlowElement? element);

    /// <summary>The v9 options scope type (1 System, 2 Interface, ...), if the layout names it.</summary>
    bool TryGetScope(ushort scopeType, [NotNullWhen(true)] out NetFlowElement? element);
}
