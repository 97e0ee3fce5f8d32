using GrokFlow.Engine.Search;
using Microsoft.Extensions.Logging;
using GrokFlow.Language.Search;

namespace GrokFlow.Runtime.Routing;

/// <summary>The catalog's pipelines with their filters parsed once at start; a pipeline whose filter cannot be read is left out, loudly.</summary>
internal sealed class PipelineRoutes
{
    public PipelineRoutes(IPipelineCatalog catalog, ILogger<PipelineRoutes> logger)
    {
        var routes = new List<PipelineRoute>();
        foreach (var pipeline in catalog.Pipelines)
        {
            try
            {
                routes.Add(new PipelineRoute(pipeline, SearchQueryParser.Parse(pipeline.Filter)));
            }
            catch (SearchQuerySyntaxException e)
            {
                logger.LogError("Pipeline {Id} is not applied: {Problem}", pipeline.Id, e.Message);
            }
        }
        All = routes;
    }

    public IReadOnlyList<PipelineRoute> All { get; }
}
