using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>The "now" both sides of a comparison read dates without a year (or day) against, and the interpreter's time-out.</summary>
public static class DifferentialSettings
{
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Generous: the interpreter only stands for the meaning of the rules, not for a budget policy.</summary>
    public static readonly TimeSpan InterpreterTimeout = TimeSpan.FromSeconds(20);
}
