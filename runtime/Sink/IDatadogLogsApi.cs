using Refit;

namespace GrokFlow.Runtime.Sink;

/// <summary>The Datadog logs intake, v2 (<c>POST /api/v2/logs</c>). The key is added by <see cref="ApiKeyHandler"/>.</summary>
public interface IDatadogLogsApi
{
    /// <summary>Sends a gzip-compressed JSON array of log events (content headers are set on <paramref name="body"/>).</summary>
    [Post("/api/v2/logs")]
    Task<IApiResponse> SendLogsAsync([Body] HttpContent body, CancellationToken cancellationToken);
}
