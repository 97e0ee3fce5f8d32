namespace GrokFlow.Runtime.Sink;

/// <summary>What to do after one request to the intake.</summary>
internal enum IntakeVerdict { Delivered, Retry, Unauthorized, TooLarge, Rejected }

/// <summary>
/// The outcome of one request: an HTTP status (0 when none came back: network error or attempt timeout), the
/// Retry-After asked for, and a short description for the log.
/// </summary>
internal readonly record struct IntakeAttempt(int Status, TimeSpan? RetryAfter, string Detail)
{
    /// <summary>
    /// 2xx delivered; 413 split; 400 rejected (resending the same bytes cannot help); 401/403 keep and retry slowly
    /// (a configuration fault someone must fix); everything else (408, 429, 5xx, other 4xx, no answer) retry.
    /// </summary>
    public IntakeVerdict Verdict => Status switch
    {
        >= 200 and < 300 => IntakeVerdict.Delivered,
        413 => IntakeVerdict.TooLarge,
        400 => IntakeVerdict.Rejected,
        401 or 403 => IntakeVerdict.Unauthorized,
        _ => IntakeVerdict.Retry,
    };
}
