namespace GrokFlow.Runtime.Syslog;

/// <summary>Syslog severities (RFC 5424 section 6.2.1) as the status names Datadog uses.</summary>
internal static class SyslogSeverity
{
    private static readonly byte[][] StatusNames =
    [
        "emergency"u8.ToArray(), "alert"u8.ToArray(), "critical"u8.ToArray(), "error"u8.ToArray(),
        "warn"u8.ToArray(), "notice"u8.ToArray(), "info"u8.ToArray(), "debug"u8.ToArray(),
    ];

    /// <summary>The status of a line without a priority.</summary>
    public static ReadOnlySpan<byte> DefaultStatus => "info"u8;

    public static ReadOnlySpan<byte> StatusOf(int severity) => StatusNames[severity];
}
