using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Capture-free expansions of matchers (<c>%{ip}</c>, <c>%{hostname}</c>, <c>%{date(...)}</c>...) become one shared
/// sub-matcher per distinct pattern in a pipeline: a function that lists every position the pattern can end at, in the
/// order backtracking would try them. Rules then try those ends in turn, which is exactly what backtracking into the
/// pattern would do (what follows depends only on the position), with far less generated code.
/// </summary>
internal sealed class SubMatcherTable
{
    private readonly Dictionary<Node, string> _names = new();
    private readonly List<(string Name, string Description, Node Pattern)> _pending = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    /// <summary>The sub-matcher class for <paramref name="node"/>, or null when it is better matched inline.</summary>
    public string? Lookup(Node node, string description)
    {
        if (HandWrittenMatchers.For(node) is { } handWritten) return handWritten;
        if (!IsWorthSharing(node)) return null;
        if (_names.TryGetValue(node, out var name)) return name;
        name = NameFor(description);
        _names.Add(node, name);
        _pending.Add((name, description, node));
        return name;
    }

    private string NameFor(string description)
    {
        var start = description.StartsWith("%{", StringComparison.Ordinal) ? 2 : 0;
        var end = description.IndexOfAny(['(', ':', '}'], start);
        var baseName = CSharpLiterals.Identifier(end > start ? description.Substring(start, end - start) : "Pattern", pascal: true) + "Matcher";
        var name = baseName;
        for (var i = 2; !_usedNames.Add(name); i++) name = baseName + i;
        return name;
    }

    /// <summary>A pattern without captures that can match in more than one way (a loop of more than one character, or a choice).</summary>
    private static bool IsWorthSharing(Node node) =>
        !NodeWalk.SelfAndDescendants(node).Any(n => n is CaptureNode)
        && NodeWalk.SelfAndDescendants(node).Any(n => n is AlternationNode or RepeatNode { Body: not (SetNode or TextNode) });

    /// <summary>Writes the sub-matcher classes registered so far (and any they need in turn).</summary>
    public void WriteClasses(CodeWriter w, int indent)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var (name, description, pattern) = _pending[i];
            var sets = new SetTable();
            var methods = new CodeWriter(indent + 1);
            var emitter = new RuleMatcherEmitter(methods, sets, this, root: pattern);
            var entry = emitter.EmitSubMatcher(pattern);

            w.Line();
            w.Line($"/// <summary>Sub-matcher for <c>{CSharpLiterals.Xml(CSharpLiterals.CommentText(description))}</c>: lists where the pattern can end.</summary>");
            w.Comment(NodePrinter.Print(pattern, max: 400)).Line("[SkipLocalsInit]").Open($"private sealed unsafe class {name} : ISubMatcher");
            var window = RequiredByteWindow.Of(pattern);
            var lacks = window is { } r ? $"Utf8Match.IndexOfNear(input.Slice(pos, Math.Min({r.Window}, input.Length - pos)), (byte)0x{r.Byte:X2}) < 0 ? " : null;
            if (window is { } required) w.Comment($"Every match has '{(char)required.Byte}' within its first {required.Window} bytes.");
            var run = $"ref budget, {Math.Max(1, emitter.WorkSize)}, &{entry})";
            w.Line("public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget) =>");
            w.Line($"    {(lacks is null ? "" : lacks + "-1 : ")}GeneratedSubMatcher.FirstEnd(input, pos, {run};");
            w.Line("public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) =>");
            w.Line($"    {(lacks is null ? "" : lacks + "0 : ")}GeneratedSubMatcher.Ends(input, pos, ends, {run};");
            sets.WriteFields(w);
            w.Line(methods.ToString().TrimEnd('\n')).Close();
        }
    }
}
