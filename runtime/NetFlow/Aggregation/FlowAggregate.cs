using System.Buffers.Text;
using System.Text;

namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>The flows of one key in one window: how many, their summed counters, earliest start, latest end, ORed flags.</summary>
internal sealed class FlowAggregate
{
    public FlowAggregate(byte[] key, byte[] exporter, int sourcePortAt, int destinationPortAt)
    {
        Key = key;
        Exporter = exporter;
        SourcePortAt = sourcePortAt;
        DestinationPortAt = destinationPortAt;
    }

    /// <summary>The key as JSON members (<c>,"name":value</c> for each key field the flows carry).</summary>
    public byte[] Key { get; }

    /// <summary>The exporter's <c>host</c> value as JSON (with quotes), or empty.</summary>
    public byte[] Exporter { get; }

    /// <summary>Where the source / destination port value starts in <see cref="Key"/> (-1: absent), for port rollup.</summary>
    public int SourcePortAt { get; }

    public int DestinationPortAt { get; }

    public long Flows;
    public readonly ulong[] Counters = new ulong[FlowFieldMap.Counters.Length];
    public int CountersSeen;   // bit i: counter i was present in some flow
    public readonly ulong[] Flags = new ulong[FlowFieldMap.Flags.Length];
    public int FlagsSeen;
    public readonly byte[]?[] Starts = new byte[FlowFieldMap.Starts.Length][];
    public readonly byte[]?[] Ends = new byte[FlowFieldMap.Ends.Length][];

    public ulong Bytes => Counters[0];

    public void Merge(FlowAggregate other)
    {
        Flows += other.Flows;
        for (var i = 0; i < Counters.Length; i++) Counters[i] += other.Counters[i];
        CountersSeen |= other.CountersSeen;
        for (var i = 0; i < Flags.Length; i++) Flags[i] |= other.Flags[i];
        FlagsSeen |= other.FlagsSeen;
        for (var i = 0; i < Starts.Length; i++)
            if (other.Starts[i] is { } start) KeepExtreme(ref Starts[i], start, earliest: true);
        for (var i = 0; i < Ends.Length; i++)
            if (other.Ends[i] is { } end) KeepExtreme(ref Ends[i], end, earliest: false);
    }

    /// <summary>Keeps the earlier (or later) of two time values as written in events: ISO-8601 strings or raw numbers.</summary>
    public static void KeepExtreme(ref byte[]? kept, ReadOnlySpan<byte> candidate, bool earliest)
    {
        if (kept is not null)
        {
            var order = CompareTimes(candidate, kept);
            if (earliest ? order >= 0 : order <= 0) return;
        }
        kept = candidate.ToArray();
    }

    private static int CompareTimes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var aNumber = a.Length > 0 && a[0] != (byte)'"';
        var bNumber = b.Length > 0 && b[0] != (byte)'"';
        if (aNumber && bNumber && Utf8Parser.TryParse(a, out decimal x, out _) && Utf8Parser.TryParse(b, out decimal y, out _)) return x.CompareTo(y);
        // The same element always writes the same shape (4-digit year, fixed fraction digits, Z): text order is time order.
        if (a.Length == b.Length || aNumber != bNumber) return a.SequenceCompareTo(b);
        return ParseTime(a).CompareTo(ParseTime(b));
    }

    private static DateTimeOffset ParseTime(ReadOnlySpan<byte> quoted) =>
        DateTimeOffset.TryParse(Encoding.UTF8.GetString(quoted.Trim((byte)'"')), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : DateTimeOffset.MinValue;
}
