namespace GrokFlow.Engine.Output;

/// <summary>
/// What <see cref="StructuredDocumentWriter"/> needs of a structured rule's path tree, worked out once per rule: each
/// capture's path as node indexes from the top, each node's segment. Null (see <see cref="For"/>) for rules it cannot
/// take: a path that is both a structured capture's and the parent of others (<c>%{data:a:json} %{word:a.c}</c>: the
/// two are merged into one object first), or a root merge (<c>%{m::filter}</c>) other than one <c>keyvalue</c> capture
/// after all the others, in a rule with no other structured capture and no path that is both a leaf and a parent. That
/// one merges into the document after the rest as it would merge into the rule's tree, unless it names a top-level
/// member the rule writes (<see cref="StructuredDocumentWriter"/> then leaves the line to the tree).
/// </summary>
internal sealed class StructuredDocumentPlan
{
    /// <summary>Paths deeper than this go through the tree, which checks the depth a document takes.</summary>
    private const int DeepestPath = 32;

    private StructuredDocumentPlan(int[][] capturePaths, byte[][] segments, int rootMerge)
    {
        CapturePaths = capturePaths;
        RootMerge = rootMerge;
        Segments = segments;
        Keys = [.. segments.Select(s => new Processing.DocumentKey(s))];
    }

    /// <summary>For capture <c>i</c>, the nodes of its path from the top-level one to its own (empty for the root merge).</summary>
    public int[][] CapturePaths { get; }

    /// <summary>For node <c>n</c>, its path segment as the tree would store it (the capture's own bytes).</summary>
    public byte[][] Segments { get; }

    /// <summary>For node <c>n</c>, its segment as an event document's member name.</summary>
    internal Processing.DocumentKey[] Keys { get; }

    /// <summary>The <c>keyvalue</c> capture whose object merges at the top level after the others, or -1.</summary>
    public int RootMerge { get; }

    public static StructuredDocumentPlan? For(IReadOnlyList<CapturePlan> captures, IReadOnlyList<OutputNode> nodes, IReadOnlyList<int> roots)
    {
        var parent = new int[nodes.Count];
        Array.Fill(parent, -1);
        for (var n = 0; n < nodes.Count; n++)
        {
            foreach (var child in nodes[n].Children) parent[child] = n;
        }
        var leafOf = new int[captures.Count];
        Array.Fill(leafOf, -1);
        for (var n = 0; n < nodes.Count; n++)
        {
            foreach (var leaf in nodes[n].Leaves)
            {
                leafOf[leaf] = n;
                if (captures[leaf].Filter.IsStructured && nodes[n].Children.Length > 0) return null;
            }
        }
        var rootMerge = RootMergeOf(captures, nodes);
        if (rootMerge == Unsupported) return null;
        var segments = new byte[nodes.Count][];
        var paths = new int[captures.Count][];
        for (var i = 0; i < captures.Count; i++)
        {
            var path = captures[i].Path;
            if (i == rootMerge)
            {
                paths[i] = [];
                continue;
            }
            if (path.Length == 0 || path.Length > DeepestPath || leafOf[i] < 0) return null;
            var nodesOnPath = new int[path.Length];
            for (int n = leafOf[i], d = path.Length - 1; d >= 0; n = parent[n], d--)
            {
                if (n < 0) return null;
                nodesOnPath[d] = n;
                segments[n] ??= path[d];
            }
            if (parent[nodesOnPath[0]] >= 0 || !roots.Contains(nodesOnPath[0])) return null;
            paths[i] = nodesOnPath;
        }
        if (segments.Any(s => s is null)) return null;
        return new StructuredDocumentPlan(paths, segments, rootMerge);
    }

    private const int Unsupported = -2;

    /// <summary>The one root merge this writer takes (see the class remarks), -1 for none, <see cref="Unsupported"/> for others.</summary>
    private static int RootMergeOf(IReadOnlyList<CapturePlan> captures, IReadOnlyList<OutputNode> nodes)
    {
        var last = captures.Count - 1;
        var merges = Enumerable.Range(0, captures.Count).Where(i => captures[i].Path.Length == 0).ToList();
        if (merges.Count == 0) return -1;
        if (merges is not [var merge] || merge != last || captures[merge].Filter.Kind != FilterKind.KeyValue) return Unsupported;
        if (Enumerable.Range(0, last).Any(i => captures[i].IsStructured)) return Unsupported;
        return nodes.Any(n => n.Leaves.Length > 0 && n.Children.Length > 0) ? Unsupported : merge;
    }
}
