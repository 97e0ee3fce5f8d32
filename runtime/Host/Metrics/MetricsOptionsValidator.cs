using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Metrics;

/// <summary>Checks the metrics settings at start, naming each bad one by its configuration path.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Listen) && options.ListenPrefix() is null)
            errors.Add($"Metrics:Listen: '{options.Listen}' is not address:port (e.g. 127.0.0.1:9469 or [::1]:9469).");
        var otlp = options.Otlp;
        if (otlp.Enabled && !Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out _))
            errors.Add($"Metrics:Otlp:Endpoint: '{otlp.Endpoint}' is not a URL (e.g. http://127.0.0.1:4317).");
        if (otlp.Protocol is not ("grpc" or "http"))
            errors.Add($"Metrics:Otlp:Protocol: '{otlp.Protocol}' is not grpc or http.");
        if (otlp.Interval < TimeSpan.FromSeconds(1))
            errors.Add($"Metrics:Otlp:Interval: {otlp.Interval} is below one second.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
