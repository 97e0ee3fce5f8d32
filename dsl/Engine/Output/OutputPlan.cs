using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Output;

/// <summary>
/// How one rule's captures become JSON attributes, compiled once per rule: each capture's conversion and filter, and
/// the tree of attribute paths (dotted paths nest, captures sharing a path make an array). Immutable and thread-safe;
/// <see cref="OutputWriter.Write"/> uses it for every line the rule matches.
/// </summary>
public sealed class OutputPlan
{
    private OutputPlan(ImmutableArray<CapturePlan> captures, int captureCount, ImmutableArray<OutputNode> nodes, ImmutableArray<int> roots)
    {
        // The flat writer reads each capture's slots unchecked, within 2 * CaptureCount.
        if (captures.Any(c => c.Slot < 0 || c.Slot >= captureCount)) throw new ArgumentException("A capture's slot is outside the plan's.", nameof(captures));
        Captures = captures;
        CaptureCount = captureCount;
        Nodes = nodes;
        Roots = roots;
        IsStructured = captures.Any(c => c.IsStructured);
        IsFlat = !IsStructured && nodes.Length == captures.Length && roots.Length == nodes.Length
                 && Enumerable.Range(0, nodes.Length).All(i => roots[i] == i && nodes[i].Children.Length == 0
                                                              && nodes[i].Leaves is [var leaf] && leaf == i);
        FlatMembers = IsFlat ? [.. captures.Select((capture, i) => new FlatMember(capture, nodes[i]))] : [];
        DocumentPlan = IsStructured ? StructuredDocumentPlan.For(captures, nodes, roots) : null;
    }

    /// <summary>For a structured plan whose captures can go straight into an event document, their paths; else null.</summary>
    internal StructuredDocumentPlan? DocumentPlan { get; }

    /// <summary>
    /// Whether every capture has its own top-level name (no dotted paths, no shared names): capture <c>i</c> is node
    /// <c>i</c> and a root, so each value is written as it is converted, without the path tree.
    /// </summary>
    internal bool IsFlat { get; }

    /// <summary>For a flat plan, capture <c>i</c> and its node as member <c>i</c>; else empty.</summary>
    internal FlatMember[] FlatMembers { get; }

    /// <summary>Whether some capture has a structured filter or merges at the root: then the line is built as a tree.</summary>
    internal bool IsStructured { get; }

    /// <summary>The number of capture slots the matcher fills: <c>slots</c> holds <c>2 * CaptureCount</c> integers.</summary>
    public int CaptureCount { get; }

    internal ImmutableArray<CapturePlan> Captures { get; }

    /// <summary>All path nodes, each parent before its children.</summary>
    internal ImmutableArray<OutputNode> Nodes { get; }

    /// <summary>The top-level attributes, in order of first appearance.</summary>
    internal ImmutableArray<int> Roots { get; }

    public static OutputPlan Create(EquatableArray<CaptureModel> captures)
    {
        var plans = captures.Select(CapturePlan.Create).ToImmutableArray();
        var captureCount = captures.IsEmpty ? 0 : captures.Max(c => c.Slot) + 1;
        var builder = new TreeBuilder();
        for (var i = 0; i < captures.Length; i++)
            builder.Add(captures[i].Path.Items, i);
        return new OutputPlan(plans, captureCount, builder.Build(), [.. builder.Roots]);
    }

    /// <summary>Builds the path tree with mutable nodes, then freezes it.</summary>
    private sealed class TreeBuilder
    {
        private readonly List<(string Name, List<int> Leaves, List<int> Children)> _nodes = [];
        public List<int> Roots { get; } = [];

        public void Add(ImmutableArray<string> path, int capture)
        {
            if (path.IsEmpty) return;
            var siblings = Roots;
            var node = -1;
            foreach (var segment in path)
            {
                node = IndexOf(siblings, segment);
                if (node < 0)
                {
                    node = _nodes.Count;
                    _nodes.Add((segment, [], []));
                    siblings.Add(node);
                }
                siblings = _nodes[node].Children;
            }
            _nodes[node].Leaves.Add(capture);
        }

        private int IndexOf(List<int> siblings, string name)
        {
            foreach (var n in siblings)
                if (string.Equals(_nodes[n].Name, name, StringComparison.Ordinal)) return n;
            return -1;
        }

        public ImmutableArray<OutputNode> Build() =>
            [.. _nodes.Select(n => new OutputNode(JsonEncodedText.Encode(n.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping), [.. n.Leaves], [.. n.Children]))];
    }
}
