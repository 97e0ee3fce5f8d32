using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Pipelines;

/// <summary>
/// Per-thread state a parser needs besides the line: the clock that fills a missing year, the step budget, and scratch
/// memory reused from line to line so that parsing allocates nothing. Not thread-safe: one per worker.
/// </summary>
public sealed class ParseContext
{
    /// <summary>Default number of matching steps one line may take before it is reported unmatched.</summary>
    public const int DefaultStepBudget = 1_000_000;

    public ParseContext(TimeProvider? clock = null, int stepBudget = DefaultStepBudget)
    {
        _clock = clock ?? TimeProvider.System;
        StepBudget = stepBudget;
    }

    private readonly TimeProvider _clock;
    private readonly HeldClock _heldClock = new();
    private bool _holding;

    /// <summary>
    /// The clock that supplies the current year (and day) when a date pattern lacks them; while a
    /// <see cref="HoldClock"/> scope is open, the reading taken when it opened.
    /// </summary>
    public TimeProvider Clock => _holding ? _heldClock : _clock;

    /// <summary>
    /// Reads the clock once for the lines parsed until the returned scope is disposed (a chunk of lines parsed in a
    /// few milliseconds), instead of once per date value: "now", which only places a date without year or day, is
    /// then as old as the chunk.
    /// </summary>
    public ClockHold HoldClock() => HoldClock(_clock.GetUtcNow());

    /// <summary>
    /// <see cref="HoldClock()"/> with a reading the caller already took (the host's, once per receive call: the time
    /// the lines were received).
    /// </summary>
    public ClockHold HoldClock(DateTimeOffset now)
    {
        _heldClock.Now = now;
        _holding = true;
        return new ClockHold(this);
    }

    /// <summary>The scope of <see cref="HoldClock"/>: disposing it lets <see cref="Clock"/> read the clock again.</summary>
    public readonly struct ClockHold(ParseContext context) : IDisposable
    {
        public void Dispose() => context._holding = false;
    }

    /// <summary>One reading of the clock, given back until the next.</summary>
    private sealed class HeldClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Matching steps allowed per line, counted over all rules tried.</summary>
    public int StepBudget { get; }

    /// <summary>Scratch bytes for values that need transformed text (case changes, decoding). Grows, never shrinks.</summary>
    public byte[] Scratch { get; private set; } = new byte[4096];

    /// <summary>Working storage of <see cref="OutputWriter"/> (capture values, transformed text), reused per line.</summary>
    internal OutputWorkspace Output { get; } = new();

    private Processing.ProcessingScratch? _processing;

    /// <summary>The event document and buffers of pipelines with processors, created on first use.</summary>
    public Processing.ProcessingScratch Processing => _processing ??= new Processing.ProcessingScratch();

    /// <summary>Returns a scratch buffer of at least <paramref name="size"/> bytes.</summary>
    public byte[] RentScratch(int size)
    {
        if (Scratch.Length < size) Scratch = new byte[Math.Max(size, Scratch.Length * 2)];
        return Scratch;
    }
}
