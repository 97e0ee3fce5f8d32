using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing;

/// <summary>One step of a pipeline, ready to run: it reads and changes the event in place.</summary>
public interface IStepExecutor
{
    /// <summary>Applies the step to <paramref name="document"/>; a grok step reports its outcome into <paramref name="outcome"/>.</summary>
    void Run(EventDocument document, ParseContext context, ref GrokResult outcome);
}
