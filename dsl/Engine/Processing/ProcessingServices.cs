namespace GrokFlow.Engine.Processing;

/// <summary>
/// What processors need from outside the rules: how search queries are compiled (nested-pipeline, category and array
/// filters) and, for the geo-IP parser, an optional locator (a MaxMind database). Without a locator, geo-IP parsers
/// change nothing and each pipeline built with an enabled one is reported once to <see cref="GeoIpUnavailable"/>
/// (its id), so the host can say so at start rather than per event.
/// </summary>
public sealed record ProcessingServices(
    Func<string, IDocumentQuery> CompileQuery,
    IGeoIpLocator? GeoIp = null,
    Action<string>? GeoIpUnavailable = null)
{
    public static ProcessingServices Default { get; } = new(DocumentQueries.Compile);
}
