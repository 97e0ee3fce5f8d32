using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Options;

/// <summary>Checks the intake settings at start.</summary>
internal sealed class DatadogOptionsValidator : IValidateOptions<DatadogOptions>
{
    public ValidateOptionsResult Validate(string? name, DatadogOptions o)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Url) && !(Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            errors.Add($"Datadog:Url: '{o.Url}' is not an http(s) address.");
        if (string.IsNullOrWhiteSpace(o.Url) && (string.IsNullOrWhiteSpace(o.Site) || o.Site.Contains("://") || o.Site.Contains('/')))
            errors.Add($"Datadog:Site (DD_SITE): '{o.Site}' is not a site name such as datadoghq.com or datadoghq.eu.");
        if (o.CompressionLevel is < 1 or > 9) errors.Add($"Datadog:CompressionLevel: {o.CompressionLevel} is not a gzip level (1-9).");
        if (o.MaxInFlight is < 1 or > 64) errors.Add($"Datadog:MaxInFlight: {o.MaxInFlight} must be 1-64.");
        if (o.AttemptTimeout <= TimeSpan.Zero) errors.Add("Datadog:AttemptTimeout must be positive.");
        if (o.RetryBaseDelay <= TimeSpan.Zero || o.RetryMaxDelay < o.RetryBaseDelay)
            errors.Add("Datadog:RetryBaseDelay must be positive and not above Datadog:RetryMaxDelay.");
        if (o.MaxRetries < 0) errors.Add("Datadog:MaxRetries must be 0 (no limit) or more.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
