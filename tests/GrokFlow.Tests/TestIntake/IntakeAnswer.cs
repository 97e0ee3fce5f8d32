namespace GrokFlow.Tests.TestIntake;

/// <summary>
/// How the test intake answers one request: a status (with an optional Retry-After), no answer until released, or a
/// status whose promised body never comes until released.
/// </summary>
public sealed record IntakeAnswer(int Status, TimeSpan? RetryAfter = null, bool Hang = false, bool HangInBody = false)
{
    public static readonly IntakeAnswer Accepted = new(202);
    public static IntakeAnswer HangUntilReleased => new(0, Hang: true);
    public static IntakeAnswer StatusThenHangInBody(int status) => new(status, HangInBody: true);
}
