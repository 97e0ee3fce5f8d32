using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>
/// <see cref="OutputWriter"/> for rules with structured filters or a root merge: the captures' values go into a
/// pooled <see cref="ValueTree"/> in capture order, then the tree is written. Same rules as the static path tree
/// (empty captures and failed filters give nothing, a path given two values makes an array, a leaf value wins over
/// deeper paths), plus:
/// <list type="bullet">
/// <item>An object from <c>%{m::filter}</c> (empty path) merges at the root: its keys join the top level, objects
/// merge key by key, a value already there is replaced. A non-object result at the root is discarded.</item>
/// <item>Object keys produced by filters that contain dots are nested paths (<c>db.name</c>).</item>
/// <item>An attribute holding one object value and deeper paths (<c>%{data:a:json} %{word:a.c}</c>) is one merged object.</item>
/// <item>Nulls, empty arrays and objects with nothing in them are removed, recursively; arrays keep their elements.</item>
/// </list>
/// </summary>
internal static class StructuredOutputWriter
{
    public static void Write(OutputPlan plan, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, Utf8JsonWriter writer, ParseContext context)
    {
        var workspace = context.Output;
        if (workspace.Document is { } document && plan.DocumentPlan is { } paths && TryWriteIntoDocument(plan, paths, input, slots, context, document)) return;
        workspace.Begin(plan);
        var tree = workspace.Tree;
        tree.Clear();
        var root = tree.NewObject();
        var captures = plan.Captures;
        for (var i = 0; i < captures.Length; i++)
        {
            var capture = captures[i];
            var node = Convert(capture, input, slots, tree, context);
            if (node < 0) continue;
            if (capture.Path.Length == 0)
            {
                if (tree.Kind(node) == TreeNodeKind.Object) tree.MergeInto(root, node, replaceValues: true);
                continue;
            }
            var parent = root;
            var member = -1;
            foreach (var segment in capture.Path)
            {
                if (member >= 0) parent = tree.ChildrenOf(member);
                member = tree.Member(parent, segment);
            }
            tree.AddValue(member, node);
        }
        tree.MergeObjectValuesWithChildren();
        var wrote = false;
        for (var member = tree.FirstMember(root); member >= 0; member = tree.NextMember(member))
        {
            if (!tree.IsMemberWritten(member)) continue;
            var key = tree.MemberKey(member);
            workspace.NoteRoot(key, Events.ReservedFields.IsLeading(key));
            wrote = true;
        }
        if (wrote) workspace.NoteWrite();
        if (workspace.Document is { } into && tree.CanMergeStraight(root))
        {
            // A grok step of a pipeline with processors: into its event document, without a JSON round trip.
            tree.MergeMembersInto(root, into, workspace.DocumentObject, input, workspace);
            return;
        }
        tree.WriteMembers(root, new TreeWriteContext(writer, input, workspace));
    }

    /// <summary>
    /// A grok step's rule into its event document with only the filters' objects in the tree (see
    /// <see cref="StructuredDocumentWriter"/>); false, with nothing written, when a value needs the whole tree.
    /// </summary>
    private static bool TryWriteIntoDocument(OutputPlan plan, StructuredDocumentPlan paths, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots,
        ParseContext context, Processing.EventDocument document)
    {
        var workspace = context.Output;
        workspace.Begin(plan);
        var tree = workspace.Tree;
        tree.Clear();
        var captures = plan.Captures;
        var values = tree.CaptureNodes(captures.Length);
        for (var i = 0; i < captures.Length; i++)
        {
            var value = values[i] = captures[i].Filter.Kind == FilterKind.KeyValue ? Pairs(captures[i], input, slots, tree) : Convert(captures[i], input, slots, tree, context);
            if (value == KeyValueParser.NeedsTree) return false;
        }
        // The filters' own objects: with no rule paths in the tree, these are all it holds.
        tree.MergeObjectValuesWithChildren();
        return StructuredDocumentWriter.TryWrite(plan, paths, values, tree, document, workspace.DocumentObject, input, workspace);
    }

    /// <summary>A <c>keyvalue</c> capture's pairs, to be written into the document without the tree's members.</summary>
    private static int Pairs(CapturePlan capture, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, ValueTree tree)
    {
        var start = slots[2 * capture.Slot];
        var end = slots[2 * capture.Slot + 1];
        if (start < 0 || end <= start) return -1;
        return KeyValueParser.ParsePairs(capture.Filter.KeyValue!, new FilterText(input[start..end], inWorkspace: false, start), tree);
    }

    /// <summary>A capture's value as a tree node, or -1 when it has none (did not participate, empty, failed filter).</summary>
    private static int Convert(CapturePlan capture, ReadOnlySpan<byte> input, ReadOnlySpan<int> slots, ValueTree tree, ParseContext context)
    {
        var start = slots[2 * capture.Slot];
        var end = slots[2 * capture.Slot + 1];
        if (start < 0 || end <= start) return -1;
        if (capture.Filter.IsStructured)
            return StructuredConverter.Apply(capture.Filter, new FilterText(input[start..end], inWorkspace: false, start), tree, context.Output);
        var value = ValueConverter.Convert(capture, input, start, end, context);
        return value.HasValue ? tree.NewScalar(value) : -1;
    }
}
