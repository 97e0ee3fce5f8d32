using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Consecutive rules of one grok parser that start with the same parts (a helper, leading tokens): the prefix is matched
/// once per line and each rule goes on from its matches (<c>SharedPrefix</c>, in the engine). The prefix's captures must
/// be the rules' first slots, so that its matches can be listed with them.
/// </summary>
internal sealed record PrefixRun(GrokRuleModel[] Rules, Node[] Prefix, int Cells)
{
    public string ClassName { get; set; } = "";

    /// <summary>The <c>Work</c> cells the prefix's steps use: each rule's rest uses the cells after them.</summary>
    public int Work { get; set; }

    /// <summary>What <paramref name="rule"/> matches after the prefix.</summary>
    public Node Rest(GrokRuleModel rule) => new SequenceNode([.. Parts(rule).Skip(Prefix.Length)]);

    public static IEnumerable<PrefixRun> Of(GrokParserModel parser)
    {
        for (var first = 0; first < parser.Rules.Length;)
        {
            var (prefix, end) = (Parts(parser.Rules[first]), first + 1);
            for (; end < parser.Rules.Length && Common(prefix, Parts(parser.Rules[end])) is var shared && WorthSharing(shared); end++) prefix = shared;
            var slots = prefix.SelectMany(NodeWalk.SelfAndDescendants).OfType<CaptureNode>().Select(c => c.Slot).Order().ToList();
            if (end - first >= 2 && slots.SequenceEqual(Enumerable.Range(0, slots.Count)))
                yield return new PrefixRun([.. parser.Rules.Skip(first).Take(end - first)], prefix, 2 * slots.Count);
            first = end;
        }
    }

    private static Node[] Parts(GrokRuleModel rule) => rule.Root is SequenceNode sequence ? [.. sequence.Parts] : [rule.Root];

    private static Node[] Common(Node[] a, Node[] b) => [.. a.Zip(b).TakeWhile(pair => pair.First.Equals(pair.Second)).Select(pair => pair.First)];

    /// <summary>A prefix that can match in more than one way or captures: worth listing; plain text is not.</summary>
    private static bool WorthSharing(Node[] prefix) =>
        prefix.SelectMany(NodeWalk.SelfAndDescendants).Any(n => n is AlternationNode or CaptureNode or RepeatNode);
}
