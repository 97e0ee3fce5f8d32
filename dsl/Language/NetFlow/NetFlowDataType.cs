namespace GrokFlow.Language.NetFlow;

/// <summary>How a NetFlow/IPFIX value is read off the wire and rendered in a flow event.</summary>
public enum NetFlowDataType
{
    Unsigned,
    Signed,
    Float,
    Boolean,
    MacAddress,
    Ipv4Address,
    Ipv6Address,
    String,
    OctetArray,
    DateTimeSeconds,
    DateTimeMilliseconds,
    /// <summary>NTP timestamp (RFC 7011 §6.1.9): seconds since 1900 and a 2^-32 fraction.</summary>
    DateTimeMicroseconds,
    /// <summary>NTP timestamp, as <see cref="DateTimeMicroseconds"/> with nanosecond precision.</summary>
    DateTimeNanoseconds,
    /// <summary>Milliseconds since the exporter booted (v5 First/Last, v9/IPFIX IEs 21/22).</summary>
    SysUpTime,
    /// <summary>A 3-byte MPLS label stack entry, rendered as the 20-bit label value only.</summary>
    MplsLabel,
    /// <summary>An RFC 6313 structured list, carried as opaque octets.</summary>
    List,
}

/// <summary>A type as named in a .rules file, with its nominal width in bytes (0 = any width).</summary>
public readonly record struct NetFlowTypeSpec(NetFlowDataType Type, int Width)
{
    /// <summary>
    /// Resolves a type name: the IANA abstract data types (<c>unsigned8</c> ... <c>dateTimeNanoseconds</c>), any
    /// byte width of integers (<c>unsigned24</c>, <c>signed40</c>), <c>unsigned</c>/<c>signed</c> sized by the
    /// template, and grokflow's <c>sysUpTime</c> and <c>mplsLabel</c>.
    /// </summary>
    public static bool TryParse(string name, out NetFlowTypeSpec spec)
    {
        spec = name switch
        {
            "unsigned" => new(NetFlowDataType.Unsigned, 0),
            "signed" => new(NetFlowDataType.Signed, 0),
            "float32" => new(NetFlowDataType.Float, 4),
            "float64" => new(NetFlowDataType.Float, 8),
            "boolean" => new(NetFlowDataType.Boolean, 1),
            "macAddress" => new(NetFlowDataType.MacAddress, 6),
            "ipv4Address" => new(NetFlowDataType.Ipv4Address, 4),
            "ipv6Address" => new(NetFlowDataType.Ipv6Address, 16),
            "string" => new(NetFlowDataType.String, 0),
            "octetArray" => new(NetFlowDataType.OctetArray, 0),
            "dateTimeSeconds" => new(NetFlowDataType.DateTimeSeconds, 4),
            "dateTimeMilliseconds" => new(NetFlowDataType.DateTimeMilliseconds, 8),
            "dateTimeMicroseconds" => new(NetFlowDataType.DateTimeMicroseconds, 8),
            "dateTimeNanoseconds" => new(NetFlowDataType.DateTimeNanoseconds, 8),
            "sysUpTime" => new(NetFlowDataType.SysUpTime, 4),
            "mplsLabel" => new(NetFlowDataType.MplsLabel, 3),
            "basicList" or "subTemplateList" or "subTemplateMultiList" => new(NetFlowDataType.List, 0),
            _ => default,
        };
        if (spec != default || name is "unsigned") return true;
        foreach (var (prefix, type) in new[] { ("unsigned", NetFlowDataType.Unsigned), ("signed", NetFlowDataType.Signed) })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(name.Substring(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
                && bits is >= 8 and <= 64 && bits % 8 == 0)
            {
                spec = new(type, bits / 8);
                return true;
            }
        }
        return false;
    }
}
