using System.Net;
using GrokFlow.Runtime.Host.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Health;

/// <summary>
/// <c>/health/live</c> (200 while the process serves) and <c>/health/ready</c> (200 or 503, see
/// <see cref="HealthReport"/>) on the <c>Metrics:Listen</c> address, beside the Prometheus exporter's <c>/metrics</c>
/// (the same port: HttpListener dispatches by path prefix).
/// </summary>
internal sealed class HealthEndpoint(IOptions<MetricsOptions> options, HealthReport report, ILogger<HealthEndpoint> logger) : BackgroundService
{
    private readonly HttpListener _listener = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Prefixes.Add(options.Value.ListenPrefix() + "health/");
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException e)
        {
            throw new InvalidOperationException($"Metrics:Listen: cannot serve health on {options.Value.Listen}: {e.Message}", e);
        }
        logger.LogInformation("Metrics: /metrics, /health/live and /health/ready on {Prefix}", options.Value.ListenPrefix());
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = stoppingToken.Register(_listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                await AnswerAsync(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                logger.LogDebug("Health: answer failed: {Reason}", e.Message);
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath.TrimEnd('/');
        var response = context.Response;
        byte[] body;
        switch (path)
        {
            case "/health/live":
                response.StatusCode = 200;
                body = report.LiveBody();
                break;
            case "/health/ready":
                response.StatusCode = report.IsReady ? 200 : 503;
                body = report.ReadyBody();
                break;
            default:
                response.StatusCode = 404;
                body = "{\"status\":\"not_found\"}"u8.ToArray();
                break;
        }
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    public override void Dispose()
    {
        base.Dispose();
        _listener.Close();
    }
}
