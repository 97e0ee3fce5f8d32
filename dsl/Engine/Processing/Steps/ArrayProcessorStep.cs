using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>array-processor</c>:
/// <list type="bullet">
/// <item><c>select</c>: in the array at the source, the first element (an object) the filter query matches, read
/// with the element as the event, gives its <c>value_to_extract</c> attribute to the target (replaced);</item>
/// <item><c>append</c>: the source value is added at the end of the array at the target (created when missing; a
/// non-array target becomes the array of its value); the source is removed unless <c>preserve_source</c>;</item>
/// <item><c>length</c>: the number of elements of the array at the source is written to the target.</item>
/// </list>
/// A source that is missing (or not an array, for <c>select</c> and <c>length</c>) changes nothing.
/// </summary>
public sealed class ArrayProcessorStep : IStepExecutor
{
    private readonly ArrayProcessorModel _model;
    private readonly AttributePath _source;
    private readonly AttributePath _target;
    private readonly IDocumentQuery? _filter;
    private readonly AttributePath? _valueToExtract;

    public ArrayProcessorStep(ArrayProcessorModel model, Func<string, IDocumentQuery> compileQuery)
    {
        _model = model;
        _source = new AttributePath(model.Source);
        _target = new AttributePath(model.Target);
        _filter = model.Filter is null ? null : compileQuery(model.Filter);
        _valueToExtract = model.ValueToExtract is null ? null : new AttributePath(model.ValueToExtract);
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var source = document.Find(_source);
        if (source == EventDocument.None) return;
        switch (_model.Operation)
        {
            case ArrayOperation.Select:
                Select(document, source);
                break;
            case ArrayOperation.Append:
                Append(document, source);
                break;
            default:
                if (document.KindOf(source) == EventValueKind.Array) document.SetInteger(document.GetOrCreate(_target), document.ChildCount(source));
                break;
        }
    }

    private void Select(EventDocument document, int source)
    {
        if (document.KindOf(source) != EventValueKind.Array || _valueToExtract is null) return;
        for (var element = document.FirstChild(source); element != EventDocument.None; element = document.NextSibling(element))
        {
            if (document.KindOf(element) != EventValueKind.Object) continue;
            if (_filter is not null && !_filter.Matches(document, element)) continue;
            var value = document.Find(_valueToExtract, element);
            if (value == EventDocument.None) return;
            var target = document.GetOrCreate(_target);
            if (target != value) document.CopyValue(value, target);
            return;
        }
    }

    private void Append(EventDocument document, int source)
    {
        var target = document.Find(_target);
        if (target == source) return;
        if (target == EventDocument.None)
        {
            target = document.GetOrCreate(_target);
            document.SetArray(target);
        }
        else if (document.KindOf(target) != EventValueKind.Array)
        {
            document.WrapInArray(target);
        }
        document.CopyValue(source, document.AddElement(target));
        if (!(_model.PreserveSource ?? false)) document.RemoveAndPrune(source);
    }
}
