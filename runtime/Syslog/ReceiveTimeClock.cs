namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// The clock a syslog handler's parsers see: the time the lines being handled were received, read once per receive
/// call by the worker. A date without a year (or a day) is placed near when its line arrived, and no line reads the
/// system clock (a reading per date showed in the host's profile).
/// </summary>
internal sealed class ReceiveTimeClock : TimeProvider
{
    public DateTimeOffset ReceivedAt { get; set; }

    public override DateTimeOffset GetUtcNow() => ReceivedAt;
}
