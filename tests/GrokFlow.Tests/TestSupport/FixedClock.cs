namespace GrokFlow.Tests.TestSupport;

/// <summary>A clock stopped at one instant, so that dates without a year (or day) parse the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
