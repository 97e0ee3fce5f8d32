namespace GrokFlow.Benchmarks.Support;

/// <summary>A clock stopped at one instant, so that a date without a year gets the same year on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
