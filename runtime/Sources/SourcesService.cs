using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// Opens every configured source at start (a port that cannot be bound stops the host with the reason) and, on stop,
/// stops receiving first and seals what each worker holds, so the senders can flush it.
/// </summary>
internal sealed class SourcesService(
    IOptions<SourcesOptions> options,
    IEnumerable<IDatagramHandlerFactory> handlerFactories,
    BatchBuilders builders,
    BoundSources bound,
    HostMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly List<UdpListener> _listeners = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger<SourcesService>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var source in options.Value.Sources.Where(s => s.Protocol == SourceProtocol.Udp))
        {
            var factory = handlerFactories.FirstOrDefault(f => f.Type == source.Type);
            if (factory is null)
            {
                _logger.LogError("Source {Name}: this build cannot decode {Type}; the source is not opened", source.DisplayName, source.Type);
                continue;
            }
            var builder = builders.Create();
            var listener = new UdpListener(source, factory.Create(source, builder), builder, metrics, clock, _logger);
            _listeners.Add(listener);
            bound.Add(source.DisplayName, listener.LocalEndPoint);
            _logger.LogInformation("Source {Name}: {Type} on UDP {EndPoint}{Service}{Source}", source.DisplayName, source.Type,
                listener.LocalEndPoint, Describe(" service ", source.Service), Describe(" source ", source.Source));
        }
        foreach (var listener in _listeners) listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners) listener.Stop();
        builders.SealAll();
        return Task.CompletedTask;
    }

    private static string Describe(string label, string? value) => string.IsNullOrEmpty(value) ? "" : label + value;

    public void Dispose()
    {
        foreach (var listener in _listeners) listener.Dispose();
    }
}
