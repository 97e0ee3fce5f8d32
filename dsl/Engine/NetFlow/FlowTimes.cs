namespace GrokFlow.Engine.NetFlow;

/// <summary>How sysUpTime-relative times (v5 First/Last, IEs 21/22) become absolute times for one message.</summary>
public enum UptimeMode : byte
{
    /// <summary>The message header gives the export time and the uptime at export (v5, v9).</summary>
    FromHeader,
    /// <summary>The exporter's boot time is known from options data (IPFIX systemInitTimeMilliseconds, IE 160).</summary>
    FromSystemInit,
    /// <summary>No reference is known (IPFIX before IE 160 arrived): the raw milliseconds are written.</summary>
    Unknown,
    /// <summary>Write the raw uptime milliseconds (fluent's <c>switched_times_from_uptime</c>).</summary>
    Raw,
    /// <summary>Leave uptime fields out (fluent's v9 behaviour with <c>switched_times_from_uptime</c>).</summary>
    Omit,
}

/// <summary>The time reference of one export message, passed to every element writer.</summary>
public readonly struct FlowTimes
{
    public FlowTimes(UptimeMode mode, long exportMilliseconds, uint sysUpTimeMilliseconds, long systemInitMilliseconds)
    {
        Mode = mode;
        ExportMilliseconds = exportMilliseconds;
        SysUpTimeMilliseconds = sysUpTimeMilliseconds;
        SystemInitMilliseconds = systemInitMilliseconds;
    }

    public UptimeMode Mode { get; }

    /// <summary>Export time in ms since the epoch (v5: unix_secs and unix_nsecs truncated to ms; v9/IPFIX: whole seconds).</summary>
    public long ExportMilliseconds { get; }

    public uint SysUpTimeMilliseconds { get; }

    public long SystemInitMilliseconds { get; }

    /// <summary>
    /// The absolute time of an uptime value. The distance to the header's uptime is taken as a signed 32-bit
    /// difference, so a flow that started before the exporter's 2^32 ms uptime wrapped still lands right.
    /// </summary>
    public long Absolute(uint uptimeMilliseconds) => Mode == UptimeMode.FromSystemInit
        ? SystemInitMilliseconds + uptimeMilliseconds
        : ExportMilliseconds - unchecked((int)(SysUpTimeMilliseconds - uptimeMilliseconds));
}
