using System.Buffers;
using System.Text;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>string-builder-processor</c>: writes the template with each <c>%{path}</c> replaced by the attribute's value to
/// the target, replacing it. Strings, numbers (as written) and booleans are written as text; an array of such values
/// is joined with <c>,</c>, and so are the values of a path crossing an array of objects (<c>%{items.id}</c> over
/// <c>{"items":[{"id":1},{"id":2}]}</c> is <c>1,2</c>). A missing attribute, null, an object or an array holding one skips the processor, or
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
            var wrote = false;
            if (AppendAt(document, EventDocument.Root, path, 0, text, ref wrote) && wrote) continue;
            if (!_model.ReplaceMissing) return;
        }
        document.SetString(document.GetOrCreate(_target), text.WrittenSpan);
    }

    /// <summary>
    /// Appends the values at <paramref name="path"/> (from segment <paramref name="first"/>) under
    /// <paramref name="obj"/>: where the path crosses an array of objects, the value of each element that has it, all
    /// joined with <c>,</c>. False when the path leads to a null or an object.
    /// </summary>
    private static bool AppendAt(EventDocument document, int obj, AttributePath path, int first, ArrayBufferWriter<byte> text, ref bool wrote)
    {
        for (var last = first; last < path.SegmentCount; last++)
        {
            var child = document.Find(obj, path.Segments(first, last));
            if (child == EventDocument.None) continue;
            if (last == path.SegmentCount - 1) return AppendValue(document, child, text, ref wrote);
            var kind = document.KindOf(child);
            if (kind == EventValueKind.Object)
            {
                if (AppendAt(document, child, path, last + 1, text, ref wrote)) return true;
            }
            else if (kind == EventValueKind.Array)
            {
                var found = false;
                for (var element = document.FirstChild(child); element != EventDocument.None; element = document.NextSibling(element))
                {
                    if (document.KindOf(element) == EventValueKind.Object && AppendAt(document, element, path, last + 1, text, ref wrote)) found = true;
                }
                if (found) return true;
            }
        }
        return false;
    }

    private static bool AppendValue(EventDocument document, int node, ArrayBufferWriter<byte> text, ref bool wrote)
    {
        if (document.KindOf(node) != EventValueKind.Array)
        {
            if (!ValueText.TryGetScalar(document, node, out var scalar)) return false;
            if (wrote) text.Write(","u8);
            text.Write(scalar);
            wrote = true;
            return true;
        }
        for (var element = document.FirstChild(node); element != EventDocument.None; element = document.NextSibling(element))
        {
            if (!ValueText.TryGetScalar(document, element, out _)) return false;
        }
        for (var element = document.FirstChild(node); element != EventDocument.None; element = document.NextSibling(element))
        {
            ValueText.TryGetScalar(document, element, out var scalar);
            if (wrote) text.Write(","u8);
            text.Write(scalar);
            wrote = true;
        }
        return true;
    }
}
