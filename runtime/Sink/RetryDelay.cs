namespace GrokFlow.Runtime.Sink;

/// <summary>
/// Exponential backoff with jitter: after n failures wait a random time in [d/2, d] with d = base * 2^(n-1), capped
/// at max; a Retry-After from the intake is honoured (within the cap).
/// </summary>
internal static class RetryDelay
{
    public static TimeSpan For(int failures, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter, Random random)
    {
        if (retryAfter is { } requested && requested > TimeSpan.Zero)
            return requested < maxDelay ? requested : maxDelay;
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
