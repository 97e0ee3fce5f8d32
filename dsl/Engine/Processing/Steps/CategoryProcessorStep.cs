using System.Text;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>category-processor</c>: the target attribute is set (replaced) to the name of the first category whose query
/// matches the event; when none matches, nothing changes.
/// </summary>
public sealed class CategoryProcessorStep : IStepExecutor
{
    private readonly AttributePath _target;
    private readonly IDocumentQuery[] _queries;
    private readonly byte[][] _names;

    public CategoryProcessorStep(CategoryProcessorModel model, Func<string, IDocumentQuery> compileQuery)
    {
        _target = new AttributePath(model.Target);
        var queries = new List<IDocumentQuery>();
        var names = new List<byte[]>();
        foreach (var category in model.Categories)
        {
            queries.Add(compileQuery(category.Query));
            names.Add(Encoding.UTF8.GetBytes(category.Name));
        }
        _queries = queries.ToArray();
        _names = names.ToArray();
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        for (var i = 0; i < _queries.Length; i++)
        {
            if (!_queries[i].Matches(document)) continue;
            document.SetString(document.GetOrCreate(_target), _names[i]);
            return;
        }
    }
}
