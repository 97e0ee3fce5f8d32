using GrokFlow.Runtime.Host.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GrokFlow.Runtime.Host.Metrics;

/// <summary>
/// Publishes every instrument of the GrokFlow meters through OpenTelemetry: a Prometheus scrape endpoint and/or an
/// OTLP push, and the health endpoints beside <c>/metrics</c>. Nothing is registered unless configured.
/// </summary>
internal static class MetricsServices
{
    /// <summary>All grokflow meters: GrokFlow.Host, GrokFlow.Tcp, GrokFlow.NetFlow.</summary>
    public const string MeterPattern = "GrokFlow.*";

    public static void AddGrokFlowMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection("Metrics")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        var options = configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled) return;
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("grokflow")).WithMetrics(metrics =>
        {
            metrics.AddMeter(MeterPattern);
            if (options.ListenEndPoint() is { } endPoint)
            {
                metrics.AddPrometheusHttpListener(o =>
                {
                    o.Host = endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]" : endPoint.Address.ToString();
                    o.Port = endPoint.Port;
                    o.ScrapeEndpointPath = "/metrics";
                    o.ScrapeResponseCacheDurationMilliseconds = 0;   // every scrape reads the counters now
                });
            }
            if (options.Otlp.Enabled)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = new Uri(options.Otlp.Endpoint!);
                    exporter.Protocol = options.Otlp.Protocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.Otlp.Interval.TotalMilliseconds;
                    reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
                });
            }
        });
        if (options.ListenPrefix() is not null) services.AddHostedService<HealthEndpoint>();
    }
}
