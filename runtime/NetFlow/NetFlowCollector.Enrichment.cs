using System.Buffers.Binary;

namespace GrokFlow.Runtime.NetFlow;

public sealed partial class NetFlowCollector
{
    /// <summary>
    /// Outside fluent-strict mode, a data record gets <c>adjusted_bytes</c>/<c>adjusted_packets</c> (its counters
    /// times the sampling rate, when a rate is known) and the names of its interfaces (learned or configured).
    /// </summary>
    private void WriteEnrichment(StreamState stream, in RoleValues roles, in StreamKey key)
    {
        if (SamplingRate(stream, roles) is { } rate) WriteAdjusted(roles.Bytes, roles.Packets, rate);
        if (_interfaces.IsEmpty) return;
        if (roles.InInterface is { } input && _interfaces.Find(stream.InputNames, key.Address, key.Domain, input) is { } inLabels) _writer.Raw(inLabels.InJson);
        if (roles.OutInterface is { } output && _interfaces.Find(stream.OutputNames, key.Address, key.Domain, output) is { } outLabels) _writer.Raw(outLabels.OutJson);
    }

    /// <summary>
    /// The sampling rate as a fraction: the configured one for the exporter, else the record's sampler (v9 sampler
    /// table), the record's own interval, or the stream's from options data. samplingPacketInterval/Space
    /// (305/306) give (interval + space) / interval; an interval of 0 means unsampled.
    /// </summary>
    private static (ulong Numerator, ulong Denominator)? SamplingRate(StreamState stream, in RoleValues roles)
    {
        if (stream.Exporter.SamplingOverride is { } forced) return (Math.Max(forced, 1), 1);
        if (roles.SamplerId is { } id && stream.Samplers.TryGetValue(id, out var sampler)) return (Math.Max(sampler.Interval, 1), 1);
        if (roles.SamplingInterval is { } own) return Rate(own, roles.PacketSpace);
        if (stream.SamplingInterval is { } interval) return Rate(interval, stream.SamplingPacketSpace);
        return null;
    }

    private static (ulong, ulong) Rate(ulong interval, ulong? space) =>
        interval == 0 ? (1, 1) : space is { } s ? (interval + s, interval) : (interval, 1);

    private void WriteAdjusted(ulong? bytes, ulong? packets, (ulong Numerator, ulong Denominator) rate)
    {
        if (bytes is { } b)
        {
            _writer.Raw(",\"adjusted_bytes\":"u8);
            _writer.UInt64(Scale(b, rate));
        }
        if (packets is { } p)
        {
            _writer.Raw(",\"adjusted_packets\":"u8);
            _writer.UInt64(Scale(p, rate));
        }
    }

    /// <summary>v5: the header's 14-bit interval (0 = unsampled) or the configured one; interfaces from the record's ifIndex fields.</summary>
    private void WriteV5Enrichment(StreamState stream, ReadOnlySpan<byte> header, ReadOnlySpan<byte> record, in StreamKey key)
    {
        var interval = stream.Exporter.SamplingOverride ?? (ulong)(BinaryPrimitives.ReadUInt16BigEndian(header.Slice(22)) & 0x3FFF);
        WriteAdjusted(BinaryPrimitives.ReadUInt32BigEndian(record.Slice(20)), BinaryPrimitives.ReadUInt32BigEndian(record.Slice(16)), (Math.Max(interval, 1), 1));
        if (_interfaces.IsEmpty) return;
        if (_interfaces.Find(stream.InputNames, key.Address, key.Domain, BinaryPrimitives.ReadUInt16BigEndian(record.Slice(12))) is { } inLabels) _writer.Raw(inLabels.InJson);
        if (_interfaces.Find(stream.OutputNames, key.Address, key.Domain, BinaryPrimitives.ReadUInt16BigEndian(record.Slice(14))) is { } outLabels) _writer.Raw(outLabels.OutJson);
    }

    private static ulong Scale(ulong value, (ulong Numerator, ulong Denominator) rate)
    {
        if (rate.Denominator == 1)
        {
            // The common case (1-in-N) without a 128-bit division.
            var high = Math.BigMul(value, rate.Numerator, out var low);
            return high != 0 ? ulong.MaxValue : low;
        }
        var scaled = (UInt128)value * rate.Numerator / rate.Denominator;
        return scaled > ulong.MaxValue ? ulong.MaxValue : (ulong)scaled;
    }
}
