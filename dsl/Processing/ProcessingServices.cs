namespace GrokFlow.Dsl.Processing;

/// <summary>
/// What processors need from outside the rules: how search queries are compiled (nested-pipeline, category and array
/// filters) and, for the geo-IP parser, an optional MaxMind database.
/// </summary>
public sealed record ProcessingServices(Func<string, IDocumentQuery> CompileQuery, string? GeoIpDatabasePath = null)
{
    public static ProcessingServices Default { get; } = new(DocumentQueries.Compile);
}
