namespace GrokFlow.Runtime.Datadog;

/// <summary>A clock that always reads the same time: what dates without a year (or a date) resolve against.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
