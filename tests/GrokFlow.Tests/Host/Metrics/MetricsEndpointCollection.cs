namespace GrokFlow.Tests.Host.Metrics;

/// <summary>
/// The OpenTelemetry exporter listens to every meter named GrokFlow in the process, so a scrape would also count the
/// events of test hosts running beside it; these tests run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(MetricsEndpointCollection), DisableParallelization = true)]
public sealed class MetricsEndpointCollection;
