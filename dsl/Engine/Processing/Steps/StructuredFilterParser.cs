using System.Collections.Immutable;
using System.Text.Json;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// Runs one of the grok structured filters (<c>url</c>, <c>useragent</c>) on a string attribute and puts the object
/// it gives at a target attribute, replacing it: the URL and user-agent parsers share the filters' code, so a
/// processor and a filter read the same text the same way.
/// </summary>
internal sealed class StructuredFilterParser
{
    private static readonly OutputPlan NoCaptures = OutputPlan.Create(ImmutableArray<CaptureModel>.Empty);

    private readonly FilterPlan _filter;
    private readonly SourcePaths _sources;
    private readonly AttributePath _target;

    public StructuredFilterParser(FilterModel filter, IEnumerable<string> sources, string target)
    {
        _filter = FilterPlan.Create(filter);
        _sources = new SourcePaths(sources);
        _target = new AttributePath(target);
    }

    public void Run(EventDocument document, ParseContext context)
    {
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None || document.KindOf(source) != EventValueKind.String) return;
        var input = document.TextOf(source);
        var workspace = context.Output;
        workspace.Begin(NoCaptures);
        var tree = workspace.Tree;
        tree.Clear();
        var parsed = StructuredConverter.Apply(_filter, new FilterText(input, inWorkspace: false, 0), tree, workspace);
        if (parsed < 0 || tree.Kind(parsed) != TreeNodeKind.Object) return;
        var target = document.GetOrCreate(_target);
        document.SetObject(target);
        if (tree.CanMergeStraight(parsed))
        {
            tree.MergeMembersInto(parsed, document, target, input, workspace);
            return;
        }
        var writer = context.Processing.StartGrokOutput();
        writer.WriteStartObject();
        tree.WriteMembers(parsed, new TreeWriteContext(writer, input, workspace));
        writer.WriteEndObject();
        try
        {
            document.MergeObject(context.Processing.GrokOutput, target);
        }
        catch (JsonException)
        {
            // Written by our own writer as one object: it always reads back.
        }
    }
}
