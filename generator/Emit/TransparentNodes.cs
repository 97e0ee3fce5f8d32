using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Captures, origins and atomic groups match exactly what their body matches: the analyses of what a match contains
/// (first bytes, required literals, required byte windows) look through them.
/// </summary>
internal static class TransparentNodes
{
    public static Node Inner(Node node) => node switch
    {
        CaptureNode capture => Inner(capture.Body),
        OriginNode origin => Inner(origin.Body),
        AtomicNode atomic => Inner(atomic.Body),
        _ => node,
    };
}
