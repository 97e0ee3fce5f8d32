namespace GrokFlow.Runtime.Host.Options;

/// <summary>The Datadog logs intake (configuration <c>Datadog</c>; also <c>DD_API_KEY</c> and <c>DD_SITE</c>).</summary>
public sealed class DatadogOptions
{
    /// <summary>The API key. Without one, events go to stdout (or <c>--output</c>) instead of Datadog.</summary>
    public string? ApiKey { get; set; }
    /// <summary>The Datadog site: datadoghq.com, datadoghq.eu, us3.datadoghq.com, us5.datadoghq.com, ap1.datadoghq.com, ddog-gov.com...</summary>
    public string Site { get; set; } = "datadoghq.com";
    /// <summary>Overrides the intake base address derived from the site (proxies, tests).</summary>
    public string? Url { get; set; }
    /// <summary>gzip level, 1 (fastest) to 9 (smallest).</summary>
    public int CompressionLevel { get; set; } = 1;
    /// <summary>
    /// Batches being sent at once. A round trip to Datadog takes tens of milliseconds: 16 batches of 1,000 events every
    /// 50 ms is 320k events/s.
    /// </summary>
    public int MaxInFlight { get; set; } = 16;
    /// <summary>Time one HTTP attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>First retry delay; doubles per failure (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(120);
    /// <summary>Retries per batch before it is dropped (counted as retries_exhausted); 0 retries without limit (the default).</summary>
    public int MaxRetries { get; set; }

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The intake base address: <see cref="Url"/> or <c>https://http-intake.logs.&lt;site&gt;</c>.</summary>
    public Uri IntakeBaseAddress => new(string.IsNullOrWhiteSpace(Url) ? $"https://http-intake.logs.{Site.Trim().TrimEnd('/')}" : Url);
}
