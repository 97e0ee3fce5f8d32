using System.Text;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Search;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>category-processor</c>: the target attribute is set (replaced) to the name of the first category whose query
/// matches the event; when none matches, nothing changes. When every query tests one and the same attribute
/// (nginx's <c>@http.status_code:[200 TO 299]</c>, ...), the attribute is looked up once for all of them.
/// </summary>
public sealed class CategoryProcessorStep : IStepExecutor
{
    private readonly AttributePath _target;
    private readonly IDocumentQuery[] _queries;
    private readonly byte[][] _names;
    private readonly SearchAttributePath? _sharedPath;
    private readonly SearchValueTest[] _sharedPathTests = [];

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
        var tests = _queries.Select(DocumentQueries.AsAttributeTest).ToArray();
        if (tests.Length > 1 && tests.All(t => t is not null && t.Path.Text == tests[0]!.Path.Text))
        {
            _sharedPath = tests[0]!.Path;
            _sharedPathTests = tests.Select(t => t!.Test).ToArray();
        }
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var matched = _sharedPath is null ? FirstMatched(document) : document.SearchView.At(EventDocument.Root).FirstPassed(_sharedPath, _sharedPathTests);
        if (matched >= 0) document.SetString(document.GetOrCreate(_target), _names[matched]);
    }

    private int FirstMatched(EventDocument document)
    {
        for (var i = 0; i < _queries.Length; i++)
        {
            if (_queries[i].Matches(document)) return i;
        }
        return -1;
    }
}
