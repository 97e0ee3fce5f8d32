using System.Buffers;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>user-agent-parser</c>: the first source the event has (a string; URL-decoded first with <c>is_encoded</c>) is
/// read by the <c>useragent</c> filter's code, and the browser, OS and device it finds replace the target.
/// <c>combine_version_details</c> is kept for export only. The fields go straight into the document: the target is
/// a new object, so its groups and keys are added without looking for ones already there (what merging the filter's
/// tree into it gives), all at once, as the user agent's cache entry prepared them.
/// </summary>
public sealed class UserAgentParserStep(UserAgentParserModel model) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);
    private readonly AttributePath _target = new(model.Target);
    private readonly bool[] _targetBesideSource = SourcePaths.Beside(model.Sources, model.Target);
    private readonly bool _decode = model.IsEncoded;

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var source = _sources.FindFirst(document, out var sourceIndex);
        if (source == EventDocument.None || document.KindOf(source) != EventValueKind.String) return;
        var text = document.TextOf(source);
        if (!_decode)
        {
            Write(document, source, sourceIndex, text, context);
            return;
        }
        var decoded = ArrayPool<byte>.Shared.Rent(text.Length);
        Write(document, source, sourceIndex, decoded.AsSpan(0, UserAgentParser.DecodeEncoded(text, decoded)), context);
        ArrayPool<byte>.Shared.Return(decoded);
    }

    private void Write(EventDocument document, int source, int sourceIndex, ReadOnlySpan<byte> userAgent, ParseContext context)
    {
        if (userAgent.Length == 0) return;
        var parsed = UserAgentParser.Read(userAgent, context.Output);
        var target = _targetBesideSource[sourceIndex] ? document.GetOrCreateBeside(source, _target) : document.GetOrCreate(_target);
        document.SetObject(target);
        document.AddMembers(target, parsed.Members);
    }
}
