using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>user-agent-parser</c>: the first source the event has (a string; URL-decoded first with <c>is_encoded</c>) is
/// read by the <c>useragent</c> filter's code, and the browser, OS and device it finds replace the target.
/// <c>combine_version_details</c> is kept for export only.
/// </summary>
public sealed class UserAgentParserStep(UserAgentParserModel model) : IStepExecutor
{
    private readonly StructuredFilterParser _parser = new(new UserAgentFilter(model.IsEncoded), model.Sources, model.Target);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome) => _parser.Run(document, context);
}
