namespace GrokFlow.Runtime.Host;

/// <summary>Datadog's own environment variables, as configuration keys.</summary>
internal static class DatadogEnvironment
{
    public static IEnumerable<KeyValuePair<string, string?>> Read()
    {
        var apiKey = Environment.GetEnvironmentVariable("DD_API_KEY");
        if (!string.IsNullOrWhiteSpace(apiKey)) yield return new("Datadog:ApiKey", apiKey.Trim());
        var site = Environment.GetEnvironmentVariable("DD_SITE");
        if (!string.IsNullOrWhiteSpace(site)) yield return new("Datadog:Site", site.Trim());
    }
}
