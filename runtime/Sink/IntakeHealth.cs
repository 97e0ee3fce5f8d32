namespace GrokFlow.Runtime.Sink;

/// <summary>How the intake answered lately; shown in the summary line and logged loudly when it turns bad.</summary>
internal enum IntakeState { Unknown, Healthy, Failing, Unauthorized }

/// <summary>The intake's current state, shared by the senders. Thread-safe.</summary>
internal sealed class IntakeHealth
{
    private int _state;

    public IntakeState State => (IntakeState)Volatile.Read(ref _state);

    /// <summary>Sets the state; returns true when it changed (so the change is logged once).</summary>
    public bool Set(IntakeState state) => Interlocked.Exchange(ref _state, (int)state) != (int)state;
}
