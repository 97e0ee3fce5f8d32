using System.Reflection;
using GrokFlow.Runtime.Host.Options;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Sink;

/// <summary>Adds <c>DD-API-KEY</c> and the origin headers to every intake request, keeping the key out of call sites.</summary>
internal sealed class ApiKeyHandler(IOptions<DatadogOptions> options) : DelegatingHandler
{
    private static readonly string Version =
        typeof(ApiKeyHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("DD-API-KEY", options.Value.ApiKey);
        request.Headers.TryAddWithoutValidation("DD-EVP-ORIGIN", "grokflow");
        request.Headers.TryAddWithoutValidation("DD-EVP-ORIGIN-VERSION", Version);
        request.Headers.TryAddWithoutValidation("User-Agent", $"grokflow/{Version}");
        return base.SendAsync(request, cancellationToken);
    }
}
