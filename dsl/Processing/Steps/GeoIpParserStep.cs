using GrokFlow.Dsl.Model.Processors;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Dsl.Processing.Steps;

/// <summary>
/// <c>geo-ip-parser</c>: locating an IP needs a MaxMind database. Without one configured
/// (<see cref="ProcessingServices.GeoIpDatabasePath"/>) the step changes nothing, and <see cref="NeedsDatabase"/> lets
/// the host say so once.
/// </summary>
public sealed class GeoIpParserStep(GeoIpParserModel model) : IStepExecutor
{
    public GeoIpParserModel Model { get; } = model;

    /// <summary>Always true until a database reader is wired in: the step runs as a no-op.</summary>
    public bool NeedsDatabase => true;

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
    }
}
