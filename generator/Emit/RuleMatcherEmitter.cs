using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Emits the matcher of one rule as readable backtracking C#: one method per point where matching may have to come
/// back and try something else (a loop, an alternation, an optional capture, an atomic group); straight-line steps
/// (literals, single characters, anchors, runs) are inlined. Each method says, in a comment, which part it implements.
/// </summary>
/// <param name="root">For a sub-matcher, its own pattern, which must not be delegated to itself.</param>
internal sealed class RuleMatcherEmitter(CodeWriter writer, SetTable sets, SubMatcherTable? subMatchers, Node? root = null)
{
    private readonly CodeWriter _w = writer;
    private readonly SetTable _sets = sets;
    private readonly Dictionary<Continuation, string> _methods = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Continuation> _shared = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<(string Name, string Summary, Action Body)> _pending = new();
    private HashSet<int> _slotsUnderAChoice = [];
    private int _nextMethod;

    private string? SharedMatcherFor(Node node, string description) =>
        ReferenceEquals(node, root) ? null : subMatchers?.Lookup(node, description);

    /// <summary>How many <c>Work</c> cells the rule needs (loop counters, atomic ends).</summary>
    public int WorkSize { get; private set; }

    /// <summary>
    /// Writes the methods matching <paramref name="root"/> then <paramref name="end"/> (by default: the end of the line),
    /// with <c>Work</c> cells from <paramref name="workStart"/> on; returns the entry method.
    /// </summary>
    public string Emit(Node root, Continuation? end = null, int workStart = 0)
    {
        WorkSize = workStart;
        // Every match passes through the other captures, so the successful path writes their bounds last: a failed
        // attempt need not restore them, and they are matched inline.
        _slotsUnderAChoice = [.. NodeWalk.SelfAndDescendants(root).Where(n => n is AlternationNode or RepeatNode or LookaroundNode)
            .SelectMany(NodeWalk.SelfAndDescendants).OfType<CaptureNode>().Select(c => c.Slot)];
        return EmitFrom(new NodeContinuation(root, end ?? new AcceptContinuation()));
    }

    /// <summary>Writes the methods of a sub-matcher: the pattern, then recording where it ended.</summary>
    public string EmitSubMatcher(Node pattern) => EmitFrom(new NodeContinuation(pattern, new EndCallContinuation("s.RecordEnd(pos)")));

    private string EmitFrom(Continuation start)
    {
        var entry = MethodFor(start);
        while (_pending.Count > 0)
        {
            var (name, summary, body) = _pending.Dequeue();
            _w.Line().Comment(summary).Open($"private static bool {name}(ref MatchState s, int pos)").Line("if (!s.Step()) return false;");
            body();
            _w.Close();
        }
        return entry;
    }

    private string NewName() => $"Step{_nextMethod++}";

    private string MethodFor(Continuation continuation)
    {
        if (_methods.TryGetValue(continuation, out var name)) return name;
        if (continuation is LoopContinuation loop) return loop.Loop.DecisionMethod;
        name = NewName();
        _methods.Add(continuation, name);
        _pending.Enqueue((name, Summarize(continuation), () => EmitChain(continuation)));
        return name;
    }

    private string Call(Continuation continuation, string pos = "pos") => $"{MethodFor(continuation)}(ref s, {pos})";

    private static string Summarize(Continuation continuation) => continuation switch
    {
        NodeContinuation n => "Matches " + NodePrinter.Print(n.Node) + ", then what follows.",
        CaptureEndContinuation c => $"Ends capture {c.Slot}, then what follows.",
        AcceptContinuation => "The end of the rule: the whole line must be consumed.",
        EndCallContinuation end => $"The end of the pattern: {end.Call}.",
        _ => "",
    };

    /// <summary>Writes straight-line steps until a continuation needs a method of its own, then the tail call.</summary>
    private void EmitChain(Continuation continuation)
    {
        var first = true;
        while (true)
        {
            if (!first && _shared.Contains(continuation))
            {
                _w.Line($"return {Call(continuation)};");
                return;
            }
            first = false;
            switch (continuation)
            {
                case AcceptContinuation:
                    _w.Line("return pos == s.Input.Length;");
                    return;
                case EndCallContinuation end:
                    _w.Line($"return {end.Call};");
                    return;
                case ZeroWidthEndContinuation end:
                    _w.Line($"s.Work[{end.WorkIndex}] = pos;").Line("return true;");
                    return;
                case LoopContinuation loop:
                    _w.Line($"return {loop.Loop.DecisionMethod}(ref s, pos);");
                    return;
                case CaptureEndContinuation end:
                    _w.Line($"s.Slots[{2 * end.Slot + 1}] = pos; // end of capture {end.Slot}");
                    continuation = end.Next;
                    continue;
                case NodeContinuation step when SpacedText(step) is var (text, runs, rule, after):
                    _w.Comment($"{rule} (one compare when each run is one space)");
                    _w.Line($"pos = Utf8Match.SpacedTextEnd(s.Input, pos, {CSharpLiterals.Utf8(text)}, [{string.Join(", ", runs)}]);").Line("if (pos < 0) return false;");
                    continuation = after;
                    continue;
                case NodeContinuation step:
                    var next = EmitNode(step.Node, step.Next);
                    if (next is null) return;
                    continuation = next;
                    continue;
                default:
                    throw new InvalidOperationException("unknown continuation");
            }
        }
    }

    /// <summary>Emits <paramref name="node"/>; returns the continuation to go on with inline, or null when a tail was written.</summary>
    private Continuation? EmitNode(Node node, Continuation next)
    {
        switch (node)
        {
            case EmptyNode:
                return next;
            case OriginNode origin when SharedMatcherFor(origin.Body, origin.Description) is { } shared:
                _w.Comment(CSharpLiterals.CommentText(origin.Description)).Line($"return {TryEach(shared, next)};");
                return null;
            case OriginNode { Body: CaptureNode capture } origin when SharedMatcherFor(capture.Body, origin.Description) is not null:
                _w.Comment(CSharpLiterals.CommentText(origin.Description));
                return new NodeContinuation(capture, next);
            case CaptureNode capture when SharedMatcherFor(capture.Body, "pattern") is { } shared:
                return EmitCapture(capture, next, shared);
            case OriginNode origin:
                _w.Comment(CSharpLiterals.CommentText(origin.Description));
                return new NodeContinuation(origin.Body, next);
            case SequenceNode sequence:
                return ContinuationFacts.Chain(FoldCaseRuns(sequence.Parts), next);
            case TextNode { IgnoreCase: true } text:
                _w.Comment("(?i)" + NodePrinter.Print(text));
                _w.Line($"if (!Utf8Match.StartsWithIgnoreCase(s.Input, pos, {CSharpLiterals.Utf8(text.Text)})) return false;");
                _w.Line($"pos += {text.Text.Length};");
                return next;
            case TextNode text:
                EmitText(text.Text);
                return next;
            case SetNode set:
                EmitOneChar(_sets.Get(set.Set));
                return next;
            case AnchorNode anchor:
                EmitAnchor(anchor.Kind);
                return next;
            case LookaroundNode { Ahead: false } behind:
                EmitLookbehind(behind);
                return next;
            case LookaroundNode ahead:
                EmitLookahead(ahead);
                return next;
            case RepeatNode repeat when repeat.Min == repeat.Max && IsSimple(repeat.Body):
                EmitFixedRepeat(repeat);
                return next;
            case RepeatNode repeat when AsSet(repeat.Body) is { } loopSet && repeat.Mode != RepeatMode.Lazy && ContinuationFacts.NeverGivesBack(loopSet, next):
                EmitLinearSetLoop(repeat, _sets.Get(loopSet));
                return next;
            case RepeatNode repeat when AsSet(repeat.Body) is { } loopSet:
                EmitSetLoop(repeat, _sets.Get(loopSet), next);
                return null;
            case RepeatNode { Min: 0, Max: 1, Mode: not RepeatMode.Possessive } optional:
                EmitAlternation(new AlternationNode(new(optional.Mode == RepeatMode.Greedy ? [optional.Body, EmptyNode.Instance] : [EmptyNode.Instance, optional.Body])), next);
                return null;
            case RepeatNode { Mode: RepeatMode.Possessive } possessive:
                EmitAtomic(new AtomicNode(possessive with { Mode = RepeatMode.Greedy }), next);
                return null;
            case RepeatNode repeat:
                EmitLoopEntry(repeat, next);
                return null;
            case CaptureNode capture:
                return EmitCapture(capture, next);
            case AlternationNode alternation:
                EmitAlternation(alternation, next);
                return null;
            case AtomicNode atomic:
                EmitAtomic(atomic, next);
                return null;
            default:
                throw new InvalidOperationException($"unknown node {node.GetType().Name}");
        }
    }

    /// <summary>
    /// Two or more literals joined by <c>\s+</c> runs taken whole, from <paramref name="start"/>: the literals with one
    /// space for each run, where those spaces are, the rule text, and what follows; null when there are none.
    /// </summary>
    private (string Text, List<int> Runs, string Rule, Continuation Next)? SpacedText(NodeContinuation start)
    {
        var (text, runs, rule, texts, at) = (new StringBuilder(), new List<int>(), new StringBuilder(), 0, (Continuation)start);
        for (; at is NodeContinuation { Node: var node } step && (at == start || !_shared.Contains(at)) && Encoding.UTF8.GetByteCount(text.ToString()) < 250; at = step.Next)
        {
            if (node is RepeatNode { Min: 1, Max: RepeatNode.Unbounded, Mode: not RepeatMode.Lazy, Body: SetNode { Set: var set } } && set.Equals(CharSet.Space) && ContinuationFacts.NeverGivesBack(set, step.Next))
                runs.Add(Encoding.UTF8.GetByteCount(text.Append(' ').ToString()) - 1);
            else if (node is TextNode { IgnoreCase: false } literal) (text, texts) = (text.Append(literal.Text), texts + 1);
            else break;
            rule.Append(NodePrinter.Print(node));
        }
        return texts >= 2 && runs.Count > 0 ? (text.ToString(), runs, rule.ToString(), at) : null;
    }

    private static bool IsSimple(Node node) => node is TextNode || AsSet(node) is not null;

    private static CharSet? AsSet(Node node) => node switch
    {
        SetNode s => s.Set,
        TextNode t when t.Text.Length == 1 || (t.Text.Length == 2 && char.IsSurrogatePair(t.Text, 0)) => CharSet.Single(char.ConvertToUtf32(t.Text, 0)),
        _ => null,
    };

    /// <summary>
    /// Runs of two or more ASCII letters matched either case (<c>[Ss][Ee][Pp]</c>, as case-insensitive month names
    /// expand) become one case-insensitive text, compared in one call.
    /// </summary>
    private static IReadOnlyList<Node> FoldCaseRuns(IReadOnlyList<Node> parts)
    {
        var folded = new List<Node>(parts.Count);
        for (var i = 0; i < parts.Count;)
        {
            var end = i;
            while (end < parts.Count && AsciiLetterEitherCase(parts[end]) is not null) end++;
            if (end - i >= 2)
            {
                folded.Add(new TextNode(string.Concat(parts.Skip(i).Take(end - i).Select(p => AsciiLetterEitherCase(p))), IgnoreCase: true));
                i = end;
            }
            else folded.Add(parts[i++]);
        }
        return folded;
    }

    /// <summary>The text of <paramref name="branch"/> when it is two or more ASCII letters matched either case (a date name), else null.</summary>
    private static string? CaseFoldedName(Node branch) =>
        branch is SequenceNode sequence && FoldCaseRuns(sequence.Parts) is [TextNode { IgnoreCase: true } name] ? name.Text : null;

    /// <summary>The lower-case letter when <paramref name="node"/> is exactly <c>[Xx]</c>, else null.</summary>
    private static string? AsciiLetterEitherCase(Node node) =>
        node is SetNode { Set.Ranges: [var a, var b] } && a.First == a.Last && b.First == b.Last
        && a.First is >= 'A' and <= 'Z' && b.First == a.First + 32 ? ((char)b.First).ToString() : null;

    private void EmitText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 1)
            _w.Line($"if ((uint)pos >= (uint)s.Input.Length || s.Input[pos] != {ByteLiteral(bytes[0])}) return false;");
        else
            _w.Line($"if (!s.Input.Slice(pos).StartsWith({CSharpLiterals.Utf8(text)})) return false;");
        _w.Line(bytes.Length == 1 ? "pos++;" : $"pos += {bytes.Length};");
    }

    internal static string ByteLiteral(byte b) =>
        b is >= 0x20 and < 0x7F && b != '\'' && b != '\\' ? $"(byte)'{(char)b}'" : $"(byte)0x{b:X2}";

    private void EmitOneChar(SetFields set)
    {
        if (set.Set.IsSingleCodePoint(out var single) && single < 0x80)
        {
            _w.Line($"if ((uint)pos >= (uint)s.Input.Length || s.Input[pos] != {ByteLiteral((byte)single)}) return false; // {NodePrinter.DescribeSet(set.Set)}");
            _w.Line("pos++;");
            return;
        }
        switch (set.Shape)
        {
            case SetShape.AsciiOnly:
                _w.Line($"if ((uint)pos >= (uint)s.Input.Length || !{AsciiMember(set, "s.Input[pos]")}) return false; // {NodePrinter.DescribeSet(set.Set)}");
                _w.Line("pos++;");
                break;
            case SetShape.AllNonAscii:
                _w.Line($"if ((uint)pos >= (uint)s.Input.Length || {set.Excluded}.Contains(s.Input[pos])) return false; // {NodePrinter.DescribeSet(set.Set)}");
                _w.Line("pos += Utf8Match.SequenceLength(s.Input[pos]);");
                break;
            default:
                _w.Open("");
                _w.Line($"int charWidth = Utf8Match.MatchCodePoint(s.Input, pos, {set.Members}, {set.Ranges}); // {NodePrinter.DescribeSet(set.Set)}");
                _w.Line("if (charWidth == 0) return false;").Line("pos += charWidth;").Close();
                break;
        }
    }

    /// <summary>The width of the character at <paramref name="at"/> when it is in the set, else 0 (caller checks bounds).</summary>
    private static string WidthAt(SetFields set, string at) => set.Shape switch
    {
        SetShape.AsciiOnly => $"({AsciiMember(set, $"s.Input[{at}]")} ? 1 : 0)",
        SetShape.AllNonAscii => set.Set.Equals(CharSet.Any) ? $"Utf8Match.SequenceLength(s.Input[{at}])"
            : $"({set.Excluded}.Contains(s.Input[{at}]) ? 0 : Utf8Match.SequenceLength(s.Input[{at}]))",
        _ => $"Utf8Match.MatchCodePoint(s.Input, {at}, {set.Members}, {set.Ranges})",
    };

    /// <summary>A test that the byte <paramref name="value"/> is in an ASCII-only set: one compare when the set is one range.</summary>
    private static string AsciiMember(SetFields set, string value) => set.Set.Ranges is [var range]
        ? $"((uint)({value} - {ByteLiteral((byte)range.First)}) <= {range.Last - range.First})" : $"{set.Members}.Contains({value})";

    /// <summary>The end of the run at <c>pos</c> without a search (<c>.</c> with newlines) or by an inline-first helper, else null.</summary>
    private static string? RunEndCall(SetFields set) => set.Set.Equals(CharSet.Any) ? "s.Input.Length" : set.Set.Equals(CharSet.Space)
        ? "Utf8Match.SpaceRunEnd(s.Input, pos)" : set.Set.Equals(CharSet.Word) ? "Utf8Match.WordRunEnd(s.Input, pos)" : null;

    /// <summary>The index in <paramref name="span"/> of the first character outside the set, or -1 (byte-exact shapes only).</summary>
    private static string FirstOutside(SetFields set, string span) => set.Shape == SetShape.AsciiOnly
        ? $"{span}.IndexOfAnyExcept({set.Members})"
        : $"{span}.IndexOfAny({set.Excluded})";

    private void EmitAnchor(AnchorKind kind)
    {
        var failure = kind switch
        {
            AnchorKind.Start => "pos != 0",
            AnchorKind.End => "pos != s.Input.Length",
            AnchorKind.EndOrBeforeFinalNewline => "pos != s.Input.Length && !(pos == s.Input.Length - 1 && s.Input[pos] == (byte)'\\n')",
            AnchorKind.LineStart => "pos != 0 && s.Input[pos - 1] != (byte)'\\n'",
            AnchorKind.LineEnd => "pos != s.Input.Length && s.Input[pos] != (byte)'\\n'",
            AnchorKind.WordBoundary => "!Utf8Match.IsWordBoundary(s.Input, pos)",
            _ => "Utf8Match.IsWordBoundary(s.Input, pos)",
        };
        _w.Line($"if ({failure}) return false; // {NodePrinter.Print(new AnchorNode(kind))}");
    }

    private void EmitLookbehind(LookaroundNode behind)
    {
        var test = (behind.Body is OriginNode o ? o.Body : behind.Body) switch
        {
            var body when AsSet(body) is { } set && _sets.Get(set) is var fields => fields.Shape == SetShape.AsciiOnly
                ? $"pos > 0 && {AsciiMember(fields, "s.Input[pos - 1]")}"
                : $"Utf8Match.PreviousCodePointIn(s.Input, pos, {fields.Members}, {fields.Ranges})",
            TextNode text when Encoding.UTF8.GetByteCount(text.Text) is var length =>
                $"pos >= {length} && s.Input.Slice(pos - {length}, {length}).SequenceEqual({CSharpLiterals.Utf8(text.Text)})",
            _ => throw new NotSupportedException($"lookbehind {NodePrinter.Print(behind)}: generated parsers support lookbehind of one character, one class or a literal"),
        };
        _w.Line($"if ({(behind.Negated ? "" : "!(")}{test}{(behind.Negated ? "" : ")")}) return false; // {NodePrinter.Print(behind)}");
    }

    private void EmitLookahead(LookaroundNode ahead)
    {
        var work = WorkSize++;
        var body = Call(new NodeContinuation(ahead.Body, new ZeroWidthEndContinuation(work)));
        _w.Open($"// {NodePrinter.Print(ahead)}").Line($"bool matchedAhead = {body};").Line("if (s.OutOfBudget) return false;");
        _w.Line(ahead.Negated ? "if (matchedAhead) return false;" : "if (!matchedAhead) return false;").Close();
    }

    private void EmitFixedRepeat(RepeatNode repeat)
    {
        _w.Open($"for (int k = 0; k < {repeat.Min}; k++) // {NodePrinter.Print(repeat)}");
        if (AsSet(repeat.Body) is { } set) EmitOneChar(_sets.Get(set));
        else EmitText(((TextNode)repeat.Body).Text);
        _w.Close();
    }

    /// <summary>A greedy loop over one class whose run is never given back: straight-line code.</summary>
    private void EmitLinearSetLoop(RepeatNode repeat, SetFields set)
    {
        var text = NodePrinter.Print(repeat);
        if (repeat.Max == RepeatNode.Unbounded && repeat.Min <= 1 && set.Shape != SetShape.Mixed)
        {
            _w.Open($"// {text}: what follows cannot start inside the run, so the whole run is taken");
            if (RunEndCall(set) is { } runEnd) _w.Line($"int runEnd = {runEnd};");
            else _w.Line($"int runLength = {FirstOutside(set, "s.Input.Slice(pos)")};").Line("int runEnd = runLength < 0 ? s.Input.Length : pos + runLength;");
            if (repeat.Min == 1) _w.Line("if (runEnd == pos) return false;");
            _w.Line("pos = runEnd;").Close();
            return;
        }
        var max = repeat.Max == RepeatNode.Unbounded ? "int.MaxValue" : repeat.Max.ToString();
        _w.Open($"// {text}: what follows cannot start inside the run, so the whole run is taken").Line("int taken = 0;");
        EmitCountedScan(set, max, position: "pos", counter: "taken", width: "charWidth");
        _w.Line($"if (taken < {repeat.Min}) return false;").Close();
    }

    /// <summary>Advances <paramref name="position"/> over at most <paramref name="max"/> members of the set, counting them.</summary>
    private void EmitCountedScan(SetFields set, string max, string position, string counter, string width)
    {
        _w.Open($"while ({counter} < {max} && {position} < s.Input.Length)").Line($"int {width} = {WidthAt(set, position)};");
        _w.Line($"if ({width} == 0) break;").Line($"{position} += {width};").Line($"{counter}++;").Close();
    }

    /// <summary>A loop over one character class: scanned without recursion, backtracking by stepping back.</summary>
    private void EmitSetLoop(RepeatNode repeat, SetFields set, Continuation next)
    {
        _w.Comment($"{NodePrinter.Print(repeat)} ({repeat.Mode.ToString().ToLowerInvariant()})");
        var nextCall = MethodFor(next);
        var (starts, orEnd, literal) = FirstBytes.Following(next) ?? ([], false, null);
        var atEnd = orEnd && !starts.Contains(true);
        var byteExact = repeat.Max == RepeatNode.Unbounded && repeat.Min <= 1 && set.Shape != SetShape.Mixed;
        var isAny = set.Set.Equals(CharSet.Any);
        var max = repeat.Max == RepeatNode.Unbounded ? "int.MaxValue" : repeat.Max.ToString();

        if (repeat.Mode == RepeatMode.Lazy)
        {
            if (byteExact && atEnd)
            {
                _w.Comment("Only the end of the line can follow: take everything at once.");
                if (!isAny) _w.Line($"if ({FirstOutside(set, "s.Input.Slice(pos)")} >= 0) return false;");
                if (repeat.Min == 1) _w.Line("if (pos == s.Input.Length) return false;");
                _w.Line($"return {nextCall}(ref s, s.Input.Length);");
                return;
            }
            if (byteExact && starts.Count(b => b) is > 0 and < 128)
            {
                _w.Comment(literal is null ? $"Jump to where what follows can start{(orEnd ? ", or to the end" : "")}." : $"What follows starts with {CSharpLiterals.String(literal)}: jump from one occurrence to the next.");
                _w.Line("int end = pos;");
                if (repeat.Min == 1) _w.Line($"if (end >= s.Input.Length || {WidthAt(set, "end")} == 0) return false;").Line($"end += {WidthAt(set, "end")};");
                _w.Open("while (true)");
                var search = literal is not null && Encoding.UTF8.GetByteCount(literal) > 1 ? $"s.Input.Slice(end).IndexOf({CSharpLiterals.Utf8(literal)})" : starts.Count(b => b) == 1
                    ? $"Utf8Match.IndexOfNear(s.Input.Slice(end), {ByteLiteral((byte)Array.IndexOf(starts, true))})" : $"s.Input.Slice(end).IndexOfAny({_sets.ByteValues(starts)})";
                _w.Line($"int found = {search};").Line(orEnd ? "if (found < 0) found = s.Input.Length - end;" : "if (found < 0) return false;");
                if (!isAny) _w.Line($"if (found > 0 && {FirstOutside(set, "s.Input.Slice(end, found)")} >= 0) return false;");
                _w.Line("end += found;").Line($"if ({nextCall}(ref s, end)) return true;");
                _w.Line(orEnd ? "if (s.OutOfBudget || end == s.Input.Length) return false;" : "if (s.OutOfBudget) return false;");
                _w.Line($"int width = {WidthAt(set, "end")};").Line("if (width == 0) return false;").Line("end += width;").Close();
                return;
            }
            _w.Line("int end = pos, count = 0;").Open("while (true)").Open($"if (count >= {repeat.Min})");
            _w.Line($"if ({nextCall}(ref s, end)) return true;").Line("if (s.OutOfBudget) return false;").Close();
            _w.Line($"if (count == {max} || end >= s.Input.Length) return false;").Line($"int width = {WidthAt(set, "end")};");
            _w.Line("if (width == 0) return false;").Line("end += width;").Line("count++;").Close();
            return;
        }

        // Greedy and possessive: take as many as possible first.
        string floor;
        if (byteExact)
        {
            if (RunEndCall(set) is { } runEnd) _w.Line($"int end = {runEnd};");
            else _w.Line($"int run = {FirstOutside(set, "s.Input.Slice(pos)")};").Line("int end = run < 0 ? s.Input.Length : pos + run;");
            if (repeat.Min == 1) _w.Line("if (end == pos) return false;");
            floor = repeat.Min == 0 ? "pos" : set.Shape == SetShape.AsciiOnly ? "pos + 1" : "pos + Utf8Match.SequenceLength(s.Input[pos])";
        }
        else
        {
            _w.Line("int end = pos, count = 0;");
            EmitCountedScan(set, max, position: "end", counter: "count", width: "width");
            _w.Line($"if (count < {repeat.Min}) return false;");
            floor = "";
        }
        if (repeat.Mode == RepeatMode.Possessive)
        {
            _w.Line($"return {nextCall}(ref s, end);");
            return;
        }
        if (atEnd)
        {
            _w.Comment("Only the end of the line can follow: giving characters back cannot help.");
            _w.Line($"return end == s.Input.Length && {nextCall}(ref s, end);");
            return;
        }
        var stepBack = set.Shape == SetShape.AsciiOnly ? "end - 1" : "Utf8Match.StepBack(s.Input, end)";
        if (byteExact)
        {
            _w.Line($"int floor = {floor};").Open("while (true)").Line($"if ({nextCall}(ref s, end)) return true;");
            _w.Line("if (end <= floor || s.OutOfBudget) return false;");
            if (starts.Count(b => b) is var count and > 0 and < 128)
            {
                var search = count == 1 ? $"LastIndexOf({ByteLiteral((byte)Array.IndexOf(starts, true))})" : $"LastIndexOfAny({_sets.ByteValues(starts)})";
                _w.Line($"int previous = s.Input.Slice(floor, end - floor).{search}; // {(literal is null ? "where what follows can start" : $"what follows starts with {CSharpLiterals.CommentText(CSharpLiterals.String(literal))}")}");
                _w.Line("if (previous < 0) return false;").Line("end = floor + previous;");
            }
            else _w.Line($"end = {stepBack};");
            _w.Close();
        }
        else
        {
            _w.Open("while (true)").Line($"if ({nextCall}(ref s, end)) return true;");
            _w.Line($"if (count == {repeat.Min} || s.OutOfBudget) return false;").Line($"end = {stepBack};").Line("count--;").Close();
        }
    }

    private void EmitLoopEntry(RepeatNode repeat, Continuation next)
    {
        var plan = new LoopPlan(repeat, WorkSize, WorkSize + 1, NewName(), next);
        WorkSize += 2;
        _pending.Enqueue((plan.DecisionMethod, $"Decides whether {NodePrinter.Print(repeat)} iterates once more ({repeat.Mode.ToString().ToLowerInvariant()}).", () => EmitLoopDecision(plan)));
        _w.Comment($"{NodePrinter.Print(repeat)}: a loop whose count lives in Work[{plan.CountIndex}]");
        _w.Line($"int savedCount = s.Work[{plan.CountIndex}], savedLast = s.Work[{plan.LastIndex}];").Line($"s.Work[{plan.CountIndex}] = 0;");
        _w.Line($"s.Work[{plan.LastIndex}] = -1;").Line($"if ({plan.DecisionMethod}(ref s, pos)) return true;");
        _w.Line($"s.Work[{plan.CountIndex}] = savedCount;").Line($"s.Work[{plan.LastIndex}] = savedLast;").Line("return false;");
    }

    private void EmitLoopDecision(LoopPlan plan)
    {
        var repeat = plan.Node;
        var body = MethodFor(new NodeContinuation(repeat.Body, new LoopContinuation(plan)));
        var next = MethodFor(plan.Next);
        var max = repeat.Max == RepeatNode.Unbounded ? "int.MaxValue" : repeat.Max.ToString();
        _w.Line($"int count = s.Work[{plan.CountIndex}], last = s.Work[{plan.LastIndex}];");
        _w.Comment("An iteration that consumed nothing ends the loop: it would repeat forever.");
        _w.Line($"bool mayIterate = count < {max} && (count < {repeat.Min} || pos != last);");
        void Iterate() => _w.Line($"s.Work[{plan.CountIndex}] = count + 1;").Line($"s.Work[{plan.LastIndex}] = pos;")
            .Line($"if ({body}(ref s, pos)) return true;").Line($"s.Work[{plan.CountIndex}] = count;").Line($"s.Work[{plan.LastIndex}] = last;");
        if (repeat.Mode == RepeatMode.Lazy)
        {
            _w.Open($"if (count >= {repeat.Min})").Line($"if ({next}(ref s, pos)) return true;").Line("if (s.OutOfBudget) return false;").Close();
            _w.Line("if (!mayIterate || !s.EnsureStack()) return false;");
            Iterate();
            _w.Line("return false;");
            return;
        }
        _w.Open("if (mayIterate)").Line("if (!s.EnsureStack()) return false;");
        Iterate();
        _w.Line("if (s.OutOfBudget) return false;").Close().Line($"return count >= {repeat.Min} && {next}(ref s, pos);");
    }

    /// <summary>Tries what follows at each end of a shared sub-matcher, in order (SubMatcherEnds, in the engine).</summary>
    private string TryEach(string subMatcher, Continuation next) =>
        $"SubMatcherEnds.TryEach<{subMatcher}>(ref s, pos, &{MethodFor(next)})";

    private Continuation? EmitCapture(CaptureNode capture, Continuation next, string? subMatcher = null)
    {
        // When the captured pattern is a shared sub-matcher, the capture spans from here to each of its ends.
        var after = new CaptureEndContinuation(capture.Slot, next);
        var (start, restored) = (2 * capture.Slot, _slotsUnderAChoice.Contains(capture.Slot));
        if (subMatcher is null && !restored)
        {
            _w.Line($"s.Slots[{start}] = pos; // start of capture {capture.Slot}");
            return new NodeContinuation(capture.Body, after);
        }
        var body = subMatcher is null ? Call(new NodeContinuation(capture.Body, after)) : TryEach(subMatcher, after);
        if (restored) _w.Line($"int savedStart = s.Slots[{start}], savedEnd = s.Slots[{start + 1}];");
        _w.Line($"s.Slots[{start}] = pos; // start of capture {capture.Slot}").Line(restored ? $"if ({body}) return true;" : $"return {body};");
        if (!restored) return null;
        _w.Line($"s.Slots[{start}] = savedStart;").Line($"s.Slots[{start + 1}] = savedEnd;").Line("return false;");
        return null;
    }

    private void EmitAlternation(AlternationNode alternation, Continuation next)
    {
        _shared.Add(next);
        if (alternation.Branches.Select(CaseFoldedName).OfType<string>().ToArray() is var names && names.Length == alternation.Branches.Length)
        {
            _w.Comment($"{NodePrinter.Print(alternation)}: the names starting with this letter, in turn");
            _w.Line($"return {_sets.Field("CaseFoldedNames", $"new({CSharpLiterals.Utf8(string.Join("|", names))})", "s_names")}.TryEach(ref s, pos, &{MethodFor(next)});");
            return;
        }
        _w.Comment($"{NodePrinter.Print(alternation)}: each branch in turn");
        for (var i = 0; i < alternation.Branches.Length; i++)
        {
            var branch = Call(alternation.Branches[i] is EmptyNode ? next : new NodeContinuation(alternation.Branches[i], next));
            var startBytes = FirstBytes.Of(alternation.Branches[i]);
            var guard = startBytes is null ? "" : $"pos < s.Input.Length && {_sets.ByteTest(startBytes, "s.Input[pos]")} && ";
            if (i == alternation.Branches.Length - 1) _w.Line($"return {guard}{branch};");
            else _w.Line($"if ({guard}{branch}) return true;").Line("if (s.OutOfBudget) return false;");
        }
    }

    private void EmitAtomic(AtomicNode atomic, Continuation next)
    {
        var work = WorkSize++;
        var body = Call(new NodeContinuation(atomic.Body, new ZeroWidthEndContinuation(work)));
        var slots = NodeWalk.SelfAndDescendants(atomic.Body).OfType<CaptureNode>().Select(c => c.Slot).ToList();
        _w.Comment($"{NodePrinter.Print(atomic)}: once matched, never backtracked into");
        foreach (var slot in slots)
            _w.Line($"int savedStart{slot} = s.Slots[{2 * slot}], savedEnd{slot} = s.Slots[{2 * slot + 1}];");
        var after = Call(next, $"s.Work[{work}]");
        _w.Line($"if (!{body}) return false;").Line(slots.Count == 0 ? $"return {after};" : $"if ({after}) return true;");
        if (slots.Count == 0) return;
        foreach (var slot in slots)
            _w.Line($"s.Slots[{2 * slot}] = savedStart{slot};").Line($"s.Slots[{2 * slot + 1}] = savedEnd{slot};");
        _w.Line("return false;");
    }
}
