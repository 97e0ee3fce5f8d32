namespace GrokFlow.Tooling.Import;

/// <summary>What a line of an imported .rules text is, as far as commenting it out is concerned.</summary>
public enum RulesLineRole
{
    /// <summary>A blank line, a comment, or a one-line item (a setting, <c>filter</c>, <c>sample</c>, <c>enabled</c>).</summary>
    Line,
    /// <summary>A line opening a block: <c>pipeline</c>, <c>grok</c>, a processor, <c>match {</c>, a block setting.</summary>
    Open,
    /// <summary>A <c>Name pattern</c> line inside <c>match { }</c> or <c>helpers { }</c>.</summary>
    Rule,
    /// <summary>A line inside a block setting such as <c>lookup_table { }</c>.</summary>
    BlockLine,
    /// <summary>A <c>}</c> closing a block.</summary>
    Close,
}

/// <summary>
/// The block structure of a .rules text as <see cref="RulesTextWriter"/> writes it (one item per line): each line's
/// role, the kind of each block opened, and where it closes. Inside <c>match</c>, <c>helpers</c> and block settings
/// only a lone <c>}</c> is structure, exactly as the grammar reads them.
/// </summary>
public sealed class RulesTextLayout
{
    public enum BlockKind { Pipeline, Grok, Processor, RuleBlock, SettingBlock }

    private readonly RulesLineRole[] _roles;
    private readonly BlockKind?[] _opened;
    private readonly int[] _closeOf;

    public RulesTextLayout(IReadOnlyList<string> lines)
    {
        _roles = new RulesLineRole[lines.Count];
        _opened = new BlockKind?[lines.Count];
        _closeOf = Enumerable.Repeat(lines.Count - 1, lines.Count).ToArray();
        var stack = new Stack<(BlockKind Kind, int Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].Trim(' ', '\t', '\r');
            var inContent = stack.Count > 0 && stack.Peek().Kind is BlockKind.RuleBlock or BlockKind.SettingBlock;
            if (trimmed == "}")
            {
                _roles[i] = RulesLineRole.Close;
                if (stack.Count > 0) _closeOf[stack.Pop().Line] = i;
            }
            else if (inContent)
            {
                _roles[i] = stack.Peek().Kind == BlockKind.RuleBlock ? RulesLineRole.Rule : RulesLineRole.BlockLine;
            }
            else if (trimmed.Length > 0 && trimmed[0] != '#' && trimmed.EndsWith('{'))
            {
                var kind = KindOf(stack.Count == 0 ? null : stack.Peek().Kind, FirstWord(trimmed));
                _roles[i] = RulesLineRole.Open;
                _opened[i] = kind;
                stack.Push((kind, i));
            }
        }
    }

    public RulesLineRole RoleOf(int line) => _roles[line];

    /// <summary>The kind of block <paramref name="line"/> opens, or null.</summary>
    public BlockKind? Opens(int line) => _opened[line];

    /// <summary>The line closing the block opened at <paramref name="line"/>.</summary>
    public int CloseOf(int line) => _closeOf[line];

    private static BlockKind KindOf(BlockKind? parent, string word) => parent switch
    {
        null => BlockKind.Pipeline,
        BlockKind.Pipeline => word switch { "grok" => BlockKind.Grok, "pipeline" => BlockKind.Pipeline, _ => BlockKind.Processor },
        BlockKind.Grok => BlockKind.RuleBlock,
        _ => BlockKind.SettingBlock,
    };

    private static string FirstWord(string text)
    {
        var end = text.IndexOfAny([' ', '\t', '{']);
        return end < 0 ? text : text[..end];
    }
}
