using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.GeoIp;

/// <summary>
/// The <see cref="ProcessingServices"/> all pipelines of one run share: the GeoIP database opened once when one is
/// configured, and otherwise a record of the pipelines whose geo-IP parsers are skipped for want of it, so the start
/// can say so once.
/// </summary>
internal sealed class GeoIpServices : IDisposable
{
    private readonly MaxMindGeoIpLocator? _locator;
    private readonly List<string> _pipelinesWithoutDatabase = [];

    /// <param name="databasePath">A MaxMind <c>.mmdb</c> file, or null/empty for none.</param>
    /// <exception cref="InvalidOperationException">The file cannot be opened as a MaxMind database.</exception>
    public GeoIpServices(string? databasePath)
    {
        _locator = string.IsNullOrWhiteSpace(databasePath) ? null : new MaxMindGeoIpLocator(databasePath);
        Processing = ProcessingServices.Default with { GeoIp = _locator, GeoIpUnavailable = _pipelinesWithoutDatabase.Add };
    }

    /// <summary>What to build pipelines with.</summary>
    public ProcessingServices Processing { get; }

    /// <summary>The open database, for the start-up log; null without one.</summary>
    public string? DatabaseDescription => _locator?.Description;

    /// <summary>
    /// The one notice to give when some of <paramref name="runningPipelineIds"/> were built with an enabled geo-IP
    /// parser and no database, naming them and <paramref name="howToConfigure"/>; null when there is nothing to say.
    /// </summary>
    public string? MissingDatabaseNotice(IEnumerable<string> runningPipelineIds, string howToConfigure)
    {
        var running = runningPipelineIds.ToHashSet(StringComparer.Ordinal);
        var skipped = _pipelinesWithoutDatabase.Where(running.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (skipped.Count == 0) return null;
        var names = string.Join(", ", skipped);
        return skipped.Count == 1
            ? $"pipeline {names} has a geo-ip-parser but no GeoIP database is configured, so it is skipped (events get no location); {howToConfigure}"
            : $"pipelines {names} have a geo-ip-parser but no GeoIP database is configured, so it is skipped (events get no location); {howToConfigure}";
    }

    public void Dispose() => _locator?.Dispose();
}
