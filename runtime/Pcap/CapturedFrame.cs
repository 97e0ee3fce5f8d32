namespace GrokFlow.Runtime.Pcap;

/// <summary>One frame of a capture: when it was captured, its link type (LINKTYPE_*) and its bytes.</summary>
public sealed record CapturedFrame(DateTimeOffset Timestamp, int LinkType, ReadOnlyMemory<byte> Data);

/// <summary>A capture file that is not classic pcap or pcapng, or is cut short.</summary>
public sealed class CaptureFormatException(string message) : Exception(message);
