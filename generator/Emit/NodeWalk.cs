using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>The walks of a rule's tree that the generator's analyses share.</summary>
internal static class NodeWalk
{
    /// <summary>
    /// Captures, origins and atomic groups match exactly what their body matches: the analyses of what a match contains
    /// (first bytes, required literals, required byte windows, what follows a loop) look through them.
    /// </summary>
    public static Node Inner(Node node) => node switch
    {
        CaptureNode capture => Inner(capture.Body),
        OriginNode origin => Inner(origin.Body),
        AtomicNode atomic => Inner(atomic.Body),
        _ => node,
    };

    /// <summary>The node and every node inside it, each before its parts.</summary>
    public static IEnumerable<Node> SelfAndDescendants(Node node) => Parts(node).SelectMany(SelfAndDescendants).Prepend(node);

    private static IEnumerable<Node> Parts(Node node) => node switch
    {
        SequenceNode sequence => sequence.Parts,
        AlternationNode alternation => alternation.Branches,
        RepeatNode repeat => [repeat.Body],
        AtomicNode atomic => [atomic.Body],
        LookaroundNode lookaround => [lookaround.Body],
        CaptureNode capture => [capture.Body],
        OriginNode origin => [origin.Body],
        _ => [],
    };
}
