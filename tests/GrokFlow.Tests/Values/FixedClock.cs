namespace GrokFlow.Tests.Values;

/// <summary>A clock stopped at one instant, so that "the current year" is known to the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
