using System.Buffers;
using System.Text;
using GrokFlow.Dsl.Model.Processors;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Dsl.Processing.Steps;

/// <summary>
/// <c>string-builder-processor</c>: writes the template with each <c>%{path}</c> replaced by the attribute's value to
/// the target, replacing it. Strings, numbers (as written) and booleans are written as text; an array of such values
/// is joined with <c>,</c>. A missing attribute, null, an object or an array holding one skips the processor, or
/// writes nothing in its place with <c>is_replace_missing</c>.
/// </summary>
public sealed class StringBuilderProcessorStep : IStepExecutor
{
    private readonly StringBuilderModel _model;
    private readonly byte[][] _literals;
    private readonly AttributePath?[] _paths;
    private readonly AttributePath _target;

    public StringBuilderProcessorStep(StringBuilderModel model)
    {
        _model = model;
        var literals = new List<byte[]>();
        var paths = new List<AttributePath?>();
        foreach (var part in model.Parts)
        {
            literals.Add(part.IsAttribute ? [] : Encoding.UTF8.GetBytes(part.Text));
            paths.Add(part.IsAttribute ? new AttributePath(part.Text) : null);
        }
        _literals = literals.ToArray();
        _paths = paths.ToArray();
        _target = new AttributePath(model.Target);
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var text = context.Processing.Text;
        text.ResetWrittenCount();
        for (var i = 0; i < _paths.Length; i++)
        {
            var path = _paths[i];
            if (path is null)
            {
                text.Write(_literals[i]);
                continue;
            }
            var node = document.Find(path);
            if (node != EventDocument.None && AppendValue(document, node, text)) continue;
            if (!_model.ReplaceMissing) return;
        }
        document.SetString(document.GetOrCreate(_target), text.WrittenSpan);
    }

    private static bool AppendValue(EventDocument document, int node, System.Buffers.ArrayBufferWriter<byte> text)
    {
        if (document.KindOf(node) != EventValueKind.Array) return ValueText.TryAppendScalar(document, node, text);
        for (var element = document.FirstChild(node); element != EventDocument.None; element = document.NextSibling(element))
        {
            if (!ValueText.TryGetScalar(document, element, out _)) return false;
        }
        for (var element = document.FirstChild(node); element != EventDocument.None; element = document.NextSibling(element))
        {
            if (element != document.FirstChild(node)) text.Write(","u8);
            ValueText.TryAppendScalar(document, element, text);
        }
        return true;
    }
}
