using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>
/// A structured rule's values (<see cref="StructuredOutputWriter"/>) merged into an event document without building
/// the rule's own paths in the <see cref="ValueTree"/>: each capture's path is the plan's
/// (<see cref="StructuredDocumentPlan"/>), and only the structured filters' objects are trees. The document gets what
/// the tree would give it (<see cref="ValueTree.MergeMembersInto"/>): the same members, created in the same order (a
/// path's member when the first capture with a value reaches it), the same values (a path with two present values an
/// array, a leaf with a value winning over deeper paths, nothing for a path with nothing present).
/// </summary>
internal static class StructuredDocumentWriter
{
    private const int Unresolved = -2;

    /// <summary>
    /// Merges the values (<paramref name="values"/>: per capture its node, or -1) into object <paramref name="into"/>;
    /// false, with the document untouched, when some value needs the tree's own checks (see <see cref="ValueTree.CanSet"/>).
    /// </summary>
    public static bool TryWrite(OutputPlan plan, StructuredDocumentPlan paths, ReadOnlySpan<int> values, ValueTree tree,
        EventDocument document, int into, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        var nodes = plan.Nodes.AsSpan();
        var capturePaths = paths.CapturePaths;
        var counts = tree.PathCounts(nodes.Length);
        counts.Clear();
        var rootMerge = paths.RootMerge >= 0 ? values[paths.RootMerge] : -1;
        if (rootMerge >= 0 && !tree.CanMergeStraight(rootMerge)) return false;
        // A path is written when it has a present value, or a child that is written: it is on a present value's path.
        var written = tree.PathWritten(nodes.Length);
        written.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value < 0 || i == paths.RootMerge || !tree.IsPresent(value)) continue;
            var path = capturePaths[i];
            if (!tree.CanSet(value, path.Length + 1)) return false;
            counts[path[^1]]++;
            foreach (var n in path) written[n] = true;
        }
        if (rootMerge >= 0 && RootMergeMeetsPaths(plan, paths, written, tree, rootMerge, input)) return false;
        var members = tree.PathMembers(nodes.Length);
        members.Fill(Unresolved);
        var added = tree.PathAdded(nodes.Length);
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value < 0) continue;
            var path = capturePaths[i];
            var obj = into;
            for (var d = 0; d < path.Length; d++)
            {
                var n = path[d];
                if (!written[n]) break;
                var member = members[n];
                if (member == Unresolved) members[n] = member = Resolve(document, obj, d > 0 && added[path[d - 1]], paths, n, counts[n], out added[n]);
                if (d < path.Length - 1)
                {
                    // A leaf with a value wins over deeper paths.
                    if (counts[n] > 0) break;
                    obj = member;
                    continue;
                }
                if (!tree.IsPresent(value)) break;
                if (counts[n] == 1) tree.MergeValueInto(value, document, member, input, workspace);
                else tree.SetNodeInto(value, document, document.AddElement(member), input, workspace);
            }
        }
        if (rootMerge >= 0) tree.MergeMembersInto(rootMerge, document, into, input, workspace);
        return true;
    }

    /// <summary>
    /// Whether the root merge names a top-level member the rule's paths write: in the tree, the merge changes that
    /// member before anything is written (a value it replaces never reaches the document), so the tree decides.
    /// </summary>
    private static bool RootMergeMeetsPaths(OutputPlan plan, StructuredDocumentPlan paths, ReadOnlySpan<bool> written, ValueTree tree, int merged,
        ReadOnlySpan<byte> input)
    {
        if (tree.Kind(merged) == TreeNodeKind.Pairs)
        {
            foreach (var root in plan.Roots)
            {
                if (written[root] && tree.PairsName(merged, paths.Segments[root], input)) return true;
            }
            return false;
        }
        for (var m = tree.FirstMember(merged); m >= 0; m = tree.NextMember(m))
        {
            var key = tree.MemberKey(m);
            foreach (var root in plan.Roots)
            {
                if (written[root] && key.SequenceEqual(paths.Segments[root])) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The member of a written path: found or added (<paramref name="added"/>); an object for a path written through
    /// its children, an array for two values or more. In an object this write added (<paramref name="inAdded"/>) there
    /// is nothing to find: its members are the paths', each resolved once.
    /// </summary>
    private static int Resolve(EventDocument document, int obj, bool inAdded, StructuredDocumentPlan paths, int node, int count, out bool added)
    {
        var key = paths.Keys[node];
        added = inAdded;
        var member = inAdded ? document.AddMember(obj, key) : document.FindOrAddMember(obj, key, out added);
        if (count == 0)
        {
            if (added || document.KindOf(member) != EventValueKind.Object) document.SetObject(member);
        }
        else if (count > 1)
        {
            document.SetArray(member);
        }
        return member;
    }
}
