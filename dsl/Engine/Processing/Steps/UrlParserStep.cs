using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>url-parser</c>: the first source the event has (a string) is read by the <c>url</c> filter's code, and the
/// parts it finds (<c>scheme</c>, <c>host</c>, <c>port</c>, <c>path</c>, <c>queryString</c>, <c>hash</c>) replace
/// the target. Text that is not a URL changes nothing. <c>normalize_ending_slashes</c> is kept for export only.
/// </summary>
public sealed class UrlParserStep(UrlParserModel model) : IStepExecutor
{
    private readonly StructuredFilterParser _parser = new(new UrlFilter(), model.Sources, model.Target);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome) => _parser.Run(document, context);
}
