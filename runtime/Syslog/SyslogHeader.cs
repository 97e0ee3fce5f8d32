namespace GrokFlow.Runtime.Syslog;

/// <summary>Which syslog header format a line carried.</summary>
internal enum SyslogFormat : byte
{
    /// <summary>No recognisable header: the line is shipped as it came.</summary>
    None,
    /// <summary>BSD syslog, RFC 3164: <c>&lt;PRI&gt;Mmm dd hh:mm:ss HOST TAG[PID]: MSG</c>.</summary>
    Rfc3164,
    /// <summary>RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID SD MSG</c>.</summary>
    Rfc5424,
}

/// <summary>
/// The header fields of one syslog line, as ranges into that line (so reading a header allocates nothing).
/// Missing fields have a default range (length 0); <see cref="Priority"/> is -1 without a PRI part.
/// </summary>
internal readonly record struct SyslogHeader(
    SyslogFormat Format,
    int Priority,
    Range Timestamp,
    Range Hostname,
    Range AppName,
    Range ProcId,
    Range MsgId,
    Range Message)
{
    public static SyslogHeader Empty(int lineLength) => new(SyslogFormat.None, -1, default, default, default, default, default, Range.EndAt(lineLength));

    /// <summary>RFC 5424 STRUCTURED-DATA (the <c>[...]</c> elements), when the line has any.</summary>
    public Range StructuredData { get; init; }

    public bool HasPriority => Priority >= 0;
    public int Severity => Priority & 7;
    public int Facility => Priority >> 3;

    /// <summary>Whether a field was found (a non-empty range). Inlined: the writer asks it eight times per line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsPresent(Range range) => !range.Start.Equals(range.End);
}
