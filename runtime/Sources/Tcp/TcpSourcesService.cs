using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// Opens the TCP and TLS sources at start (registered after the UDP sources, so it stops before them and before the
/// builders are sealed). The queue's room governs reading: with less than a few batches of room left, connections
/// stop reading until the senders catch up.
/// </summary>
internal sealed class TcpSourcesService(
    IOptions<SourcesOptions> options,
    IOptions<BatchingOptions> batching,
    IOptions<QueueOptions> queueOptions,
    IEnumerable<IDatagramHandlerFactory> handlerFactories,
    BatchBuilders builders,
    BatchQueue queue,
    BoundSources bound,
    TcpSourceMetrics tcpMetrics,
    HostMetrics metrics,
    TimeProvider clock,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly List<TcpSyslogListener> _listeners = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger<TcpSourcesService>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var headroom = Headroom();
        foreach (var source in options.Value.Sources.Where(s => s.Protocol != SourceProtocol.Udp))
        {
            var factory = handlerFactories.First(f => f.Type == source.Type);
            var listener = new TcpSyslogListener(source, builder => factory.Create(source, builder), builders,
                () => queue.HasRoomFor(headroom), tcpMetrics, metrics, clock, _logger);
            _listeners.Add(listener);
            bound.Add(source.DisplayName, listener.LocalEndPoint);
            _logger.LogInformation("Source {Name}: {Type} on {Protocol} {EndPoint}", source.DisplayName, source.Type,
                source.Protocol.ToString().ToUpperInvariant(), listener.LocalEndPoint);
        }
        foreach (var listener in _listeners) listener.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The room to keep free: each builder (one per UDP source, one per TCP worker) may seal a batch after a connection
    /// checked, and a batch's buffer grows by doubling to at most twice its byte limit. Never more than half the queue.
    /// </summary>
    private long Headroom()
    {
        var b = batching.Value;
        var perBatch = (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(64 * 1024, 2L * (b.MaxBytes + b.MaxEventBytes)));
        var builderCount = options.Value.Sources.Sum(s => s.Protocol == SourceProtocol.Udp ? 1 : WorkersOf(s));
        return Math.Min(builderCount * perBatch, queueOptions.Value.MemoryBytes / 2);
    }

    public static int WorkersOf(SourceOptions source) => source.Tcp.Workers > 0 ? source.Tcp.Workers : Environment.ProcessorCount;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners) await listener.StopAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var listener in _listeners) listener.Dispose();
    }
}
