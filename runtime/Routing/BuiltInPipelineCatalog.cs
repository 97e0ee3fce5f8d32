using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;
using GrokFlow.Runtime.GeoIp;
using GrokFlow.Runtime.Host.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// The pipelines compiled from rules/*.rules into GrokFlow.Rules.dll, built once with the configured GeoIP database
/// (or, without one, with a single warning naming the pipelines whose geo-IP parsers are skipped).
/// </summary>
internal sealed class BuiltInPipelineCatalog : IPipelineCatalog, IDisposable
{
    private readonly GeoIpServices _services;

    public BuiltInPipelineCatalog(IOptions<GeoIpOptions> geoIp, ILogger<BuiltInPipelineCatalog> logger)
    {
        _services = new GeoIpServices(geoIp.Value.Database);
        Pipelines = BuiltInPipelines.Create(_services.Processing);
        if (_services.DatabaseDescription is { } database) logger.LogInformation("GeoIP database: {Database}", database);
        var notice = _services.MissingDatabaseNotice(Pipelines.Select(p => p.Id), GeoIpOptions.HowToConfigure);
        if (notice is not null) logger.LogWarning("{Notice}", notice);
    }

    public IReadOnlyList<IGrokPipeline> Pipelines { get; }

    public void Dispose() => _services.Dispose();
}
