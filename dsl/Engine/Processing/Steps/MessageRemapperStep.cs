using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>message-remapper</c>: the first source the event has (a string, number or boolean) becomes the <c>message</c>
/// attribute, and the source attribute is removed (with the parent objects it leaves empty), as Datadog's recorded
/// results show; it is also the log's message (<see cref="OfficialValues.Message"/>). The first message remapper that
/// sets the message wins.
/// </summary>
public sealed class MessageRemapperStep(ReservedRemapperModel model) : IStepExecutor
{
    private static readonly AttributePath Message = new("message");
    private readonly SourcePaths _sources = new(model.Sources);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (document.Official.MessageRemapped) return;
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None || !ValueText.TryGetScalar(document, source, out var text)) return;
        var message = document.Find(EventDocument.Root, "message"u8);
        if (message == source)
        {
            document.Official.MessageRemapped = true;
            document.Official.Message = document.Store(text);
            return;
        }
        if (message == EventDocument.None) message = document.GetOrCreate(Message);
        document.SetString(message, text);
        document.RemoveAndPrune(source);
        document.Official.MessageRemapped = true;
        document.Official.Message = document.Store(document.TextOf(message));
    }
}
