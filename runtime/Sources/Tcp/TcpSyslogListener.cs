using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// A TCP (or TLS) syslog source: accepts connections up to the cap, serves each on its own asynchronous loop, and
/// spreads them over a few workers (batch builder + handler) so that parsing runs on as many cores as there are
/// workers whatever the number of connections.
/// </summary>
internal sealed class TcpSyslogListener : IDisposable
{
    private const int Backlog = 1024;

    private readonly Socket _socket;
    private readonly SourceOptions _options;
    private readonly SenderNetworks _networks;
    private readonly TcpWorker[] _workers;
    private readonly TcpConnectionLimits _limits;
    private readonly TlsServerSettings? _tls;
    private readonly TcpSourceCounters _counters;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextConnection;

    public TcpSyslogListener(SourceOptions options, Func<BatchBuilder, IDatagramHandler> createHandler, BatchBuilders builders,
        Func<bool> hasRoom, TcpSourceMetrics tcpMetrics, HostMetrics metrics, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _networks = new SenderNetworks(options.AllowedNetworks);
        _counters = tcpMetrics.Source(options.DisplayName);
        _metrics = metrics;
        _logger = logger;
        _limits = new TcpConnectionLimits(options.Tcp.MaxFrameBytes, options.Tcp.IdleTimeout, hasRoom);
        _tls = options.Protocol == SourceProtocol.Tls ? TlsServerSettings.Load(options.Tls, options.DisplayName) : null;
        var address = IPAddress.Parse(options.Bind);
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any)) _socket.DualMode = true;
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.Bind(new IPEndPoint(address, options.Port));
            _socket.Listen(Backlog);
        }
        catch (SocketException e)
        {
            _socket.Dispose();
            throw new InvalidOperationException($"Source {options.DisplayName}: cannot listen on TCP {options.Bind}:{options.Port}: {e.Message}", e);
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        var count = TcpSourcesService.WorkersOf(options);
        _workers = new TcpWorker[count];
        for (var i = 0; i < count; i++)
        {
            var builder = builders.Create();
            _workers[i] = new TcpWorker(builder, createHandler(builder), options.Tcp.MaxFrameBytes, metrics, clock, logger);
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start() => _acceptLoop = AcceptLoopAsync(_stopping.Token);

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // a connection reset before it was accepted, or out of descriptors: keep accepting
                _logger.LogDebug("Source {Name}: accept failed: {Error}", _options.DisplayName, e.SocketErrorCode);
                continue;
            }
            var remote = (IPEndPoint)client.RemoteEndPoint!;
            if (_counters.Active >= _options.Tcp.MaxConnections || !_networks.Allows(remote.Address))
            {
                _counters.Reject();
                if (!_networks.Allows(remote.Address)) _metrics.Drop(DropReason.SenderNotAllowed);
                client.Dispose();
                continue;
            }
            var id = _nextConnection++;
            _counters.Opened();
            var served = ServeAsync(id, client, new SenderInfo(remote, true), _workers[id % _workers.Length], stopping);
            _connections[id] = served;
            if (served.IsCompleted) _connections.TryRemove(id, out _);
        }
    }

    private async Task ServeAsync(long id, Socket client, SenderInfo sender, TcpWorker worker, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            client.NoDelay = true;
            Stream stream = new NetworkStream(client, ownsSocket: true);
            await using (stream.ConfigureAwait(false))
            {
                if (_tls is not null)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    if (!await AuthenticateAsync(ssl, sender, stopping).ConfigureAwait(false))
                    {
                        await ssl.DisposeAsync().ConfigureAwait(false);
                        return;
                    }
                    stream = ssl;
                }
                var connection = new TcpSyslogConnection(stream, sender, worker, _limits, _counters, _metrics, _logger);
                await connection.RunAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Source {Name}: connection from {Sender} failed", _options.DisplayName, sender.EndPoint);
        }
        finally
        {
            client.Dispose();
            _counters.Closed();
            _connections.TryRemove(id, out _);
        }
    }

    private async Task<bool> AuthenticateAsync(SslStream ssl, SenderInfo sender, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.Tcp.IdleTimeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(_tls!.Options, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException or SocketException)
        {
            if (stopping.IsCancellationRequested) return false;
            _counters.HandshakeFailed();
            _logger.LogInformation("Source {Name}: TLS handshake with {Sender} failed: {Reason}", _options.DisplayName, sender.EndPoint, e.Message);
            return false;
        }
    }

    /// <summary>Stops accepting, ends every connection (what they already read is in the builders) and waits for them.</summary>
    public async Task StopAsync()
    {
        _stopping.Cancel();
        _socket.Close();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _socket.Dispose();
        foreach (var worker in _workers) worker.Dispose();
        _stopping.Dispose();
    }
}
