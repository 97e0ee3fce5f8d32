using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using GrokFlow.Language.NetFlow;

namespace GrokFlow.Engine.NetFlow;

/// <summary>
/// The reader-and-writer of one information element: it knows the element's identity and its pre-encoded JSON key,
/// and turns the element's bytes in a data record into <c>,"key":value</c>. Generated layouts create one instance per
/// element of a .rules file; template plans call them without allocating.
/// </summary>
public abstract class NetFlowElement
{
    protected NetFlowElement(uint enterpriseNumber, ushort id, string name, bool fluent)
    {
        EnterpriseNumber = enterpriseNumber;
        Id = id;
        Name = name;
        Fluent = fluent;
        Key = Encoding.UTF8.GetBytes(",\"" + name + "\":");
        KeyLength = Key.Length;
        PaddedKey = new byte[(KeyLength + 15) & ~15];
        Key.CopyTo(PaddedKey, 0);
    }

    public uint EnterpriseNumber { get; }

    public ushort Id { get; }

    public string Name { get; }

    /// <summary>Whether fluent-plugin-netflow emits this field (only these are written in fluent-strict mode).</summary>
    public bool Fluent { get; }

    /// <summary><c>,"name":</c> in UTF-8.</summary>
    public byte[] Key { get; }

    /// <summary><see cref="Key"/> zero padded to a multiple of 16 bytes, for <see cref="FlowJsonWriter.Key"/>.</summary>
    protected byte[] PaddedKey { get; }

    /// <summary>The length of <see cref="Key"/>.</summary>
    protected int KeyLength { get; }

    public abstract NetFlowDataType Type { get; }

    /// <summary>Writes <c>,"name":value</c> for a non-empty value (some writers leave a field out, e.g. omitted uptimes).</summary>
    public abstract void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times);

    /// <summary>A big-endian unsigned value of 1..8 bytes (reduced-size encoding); longer values keep their last 8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReadUnsigned(ReadOnlySpan<byte> value)
    {
        switch (value.Length)
        {
            case 1: return value[0];
            case 2: return BinaryPrimitives.ReadUInt16BigEndian(value);
            case 4: return BinaryPrimitives.ReadUInt32BigEndian(value);
            case 8: return BinaryPrimitives.ReadUInt64BigEndian(value);
            default: return ReadOddSized(value);
        }
    }

    private static ulong ReadOddSized(ReadOnlySpan<byte> value)
    {
        if (value.Length > 8) value = value.Slice(value.Length - 8);
        ulong result = 0;
        foreach (var b in value) result = (result << 8) | b;
        return result;
    }
}

public sealed class UnsignedElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Unsigned;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length <= 8) writer.UInt64(ReadUnsigned(value));
        else writer.Hex(value);
    }
}

public sealed class SignedElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Signed;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length > 8)
        {
            writer.Hex(value);
            return;
        }
        var shift = 64 - value.Length * 8;
        writer.Int64((long)(ReadUnsigned(value) << shift) >> shift);
    }
}

public sealed class FloatElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Float;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length == 4) writer.Double(BinaryPrimitives.ReadSingleBigEndian(value));
        else if (value.Length == 8) writer.Double(BinaryPrimitives.ReadDoubleBigEndian(value));
        else writer.Hex(value);
    }
}

public sealed class BooleanElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Boolean;

    /// <summary>RFC 7011 §6.1.5: 1 is true, 2 is false; anything else is written as the number it is.</summary>
    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        var number = value.Length <= 8 ? ReadUnsigned(value) : 0;
        if (value.Length == 1 && number is 1 or 2) writer.Boolean(number == 1);
        else if (value.Length <= 8) writer.UInt64(number);
        else writer.Hex(value);
    }
}

public sealed class MacAddressElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.MacAddress;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length == 6) writer.Mac(value);
        else writer.Hex(value);
    }
}

public sealed class Ipv4AddressElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Ipv4Address;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length == 4) writer.Ipv4(value);
        else writer.Hex(value);
    }
}

public sealed class Ipv6AddressElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.Ipv6Address;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length == 16) writer.Ipv6(value);
        else writer.Hex(value);
    }
}

public sealed class StringElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.String;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        writer.String(value);
    }
}

/// <summary>Octet arrays and RFC 6313 lists: a quoted hex string.</summary>
public sealed class OctetArrayElement(uint enterpriseNumber, ushort id, string name, bool fluent, NetFlowDataType type) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => type;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        writer.Hex(value);
    }
}

/// <summary>
/// dateTimeSeconds/Milliseconds (since the Unix epoch) and dateTimeMicro/Nanoseconds (NTP format, RFC 7011 §6.1.9),
/// written as ISO-8601 UTC with 0, 3, 6 or 9 fraction digits.
/// </summary>
public sealed class DateTimeElement(uint enterpriseNumber, ushort id, string name, bool fluent, NetFlowDataType type) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    private const long NtpToUnixSeconds = 2208988800;

    public override NetFlowDataType Type => type;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        switch (type)
        {
            case NetFlowDataType.DateTimeSeconds when value.Length <= 8:
                writer.UtcTime((long)ReadUnsigned(value), 0, 0);
                break;
            case NetFlowDataType.DateTimeMilliseconds when value.Length <= 8:
                writer.UtcMilliseconds((long)ReadUnsigned(value));
                break;
            case NetFlowDataType.DateTimeMicroseconds when value.Length == 8:
                writer.UtcTime(BinaryPrimitives.ReadUInt32BigEndian(value) - NtpToUnixSeconds,
                    (long)((BinaryPrimitives.ReadUInt32BigEndian(value.Slice(4)) * 1_000_000UL) >> 32), 6);
                break;
            case NetFlowDataType.DateTimeNanoseconds when value.Length == 8:
                writer.UtcTime(BinaryPrimitives.ReadUInt32BigEndian(value) - NtpToUnixSeconds,
                    (long)((BinaryPrimitives.ReadUInt32BigEndian(value.Slice(4)) * 1_000_000_000UL) >> 32), 9);
                break;
            default:
                writer.Hex(value);
                break;
        }
    }
}

/// <summary>Milliseconds of exporter uptime: absolute ISO-8601 time when the message gives a reference, else raw.</summary>
public sealed class SysUpTimeElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.SysUpTime;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        if (times.Mode == UptimeMode.Omit) return;
        writer.Key(PaddedKey, KeyLength);
        if (value.Length > 8) writer.Hex(value);
        else if (times.Mode is UptimeMode.FromHeader or UptimeMode.FromSystemInit) writer.UtcMilliseconds(times.Absolute((uint)ReadUnsigned(value)));
        else writer.UInt64(ReadUnsigned(value));
    }
}

/// <summary>An MPLS label stack entry (3 bytes): the 20-bit label, as fluent-plugin-netflow writes it.</summary>
public sealed class MplsLabelElement(uint enterpriseNumber, ushort id, string name, bool fluent) : NetFlowElement(enterpriseNumber, id, name, fluent)
{
    public override NetFlowDataType Type => NetFlowDataType.MplsLabel;

    public override void Write(FlowJsonWriter writer, ReadOnlySpan<byte> value, in FlowTimes times)
    {
        writer.Key(PaddedKey, KeyLength);
        if (value.Length == 3) writer.UInt64(ReadUnsigned(value) >> 4);
        else if (value.Length <= 8) writer.UInt64(ReadUnsigned(value));
        else writer.Hex(value);
    }
}
