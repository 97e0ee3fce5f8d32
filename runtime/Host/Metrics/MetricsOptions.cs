using System.Net;

namespace GrokFlow.Runtime.Host.Metrics;

/// <summary>Where the host's metrics and health go (configuration <c>Metrics</c>). Everything is off by default.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// <c>address:port</c> of the HTTP listener serving <c>/metrics</c> (Prometheus text) and <c>/health/live</c>,
    /// <c>/health/ready</c>, e.g. <c>127.0.0.1:9469</c> or <c>[::1]:9469</c>; empty turns it off.
    /// </summary>
    public string? Listen { get; set; }

    /// <summary>Also push the same metrics by OTLP (to the Datadog Agent or an OpenTelemetry collector).</summary>
    public OtlpMetricsOptions Otlp { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Listen) || Otlp.Enabled;

    /// <summary>The HTTP prefix of <see cref="Listen"/>, e.g. <c>http://127.0.0.1:9469/</c>; null when it is not an address:port.</summary>
    // methods, not properties: the configuration binder (source-generated under AOT) leaves them alone
    public string? ListenPrefix() => ListenEndPoint() is { } endPoint ? $"http://{endPoint}/" : null;

    public IPEndPoint? ListenEndPoint() => IPEndPoint.TryParse(Listen ?? "", out var endPoint) && endPoint.Port > 0 ? endPoint : null;
}

/// <summary>The OTLP metrics exporter (configuration <c>Metrics:Otlp</c>).</summary>
public sealed class OtlpMetricsOptions
{
    /// <summary>Collector URL, e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318/v1/metrics</c> (HTTP); empty turns it off.</summary>
    public string? Endpoint { get; set; }
    /// <summary><c>grpc</c> (default) or <c>http</c> (HTTP/protobuf).</summary>
    public string Protocol { get; set; } = "grpc";
    /// <summary>How often metrics are pushed.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
