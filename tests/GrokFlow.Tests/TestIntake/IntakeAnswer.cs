namespace GrokFlow.Tests.TestIntake;

/// <summary>How the test intake answers one request: a status (with an optional Retry-After), or no answer until released.</summary>
public sealed record IntakeAnswer(int Status, TimeSpan? RetryAfter = null, bool Hang = false)
{
    public static readonly IntakeAnswer Accepted = new(202);
    public static IntakeAnswer HangUntilReleased => new(0, Hang: true);
}
