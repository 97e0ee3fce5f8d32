using System.Text;

namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>
/// One requirement of a regex: every match contains one of <paramref name="AnyOf"/>, compared ignoring ASCII case when
/// <paramref name="IgnoreCase"/> (the literals are then lower case).
/// </summary>
internal sealed record RequiredLiteral(string[] AnyOf, bool IgnoreCase);

/// <summary>
/// What every match of a regex must contain, read from the pattern text, so a subject lacking it can skip the regex.
/// Conservative: only constructs the reader fully understands count (plain and escaped punctuation characters, groups,
/// alternation, quantifiers, character classes (<c>[Ss]</c> as a letter of either case), <c>.</c>, anchors and the
/// escapes <c>\d \w \s \b</c> and their negations); any other construct (inline options, backreferences, <c>\x</c>,
/// <c>\u</c>, conditionals, …) gives nothing, and the regex is always tried.
/// </summary>
internal static class RequiredLiterals
{
    /// <summary>
    /// The requirements of <paramref name="pattern"/>, most selective first: runs of characters and alternations whose
    /// every alternative has a requirement, ignoring single characters unless nothing else is found; empty when none is
    /// known. With <paramref name="ignoreCase"/> only ASCII characters count (their case-insensitive matching is plain
    /// ASCII folding).
    /// </summary>
    public static IReadOnlyList<RequiredLiteral> Of(string pattern, bool ignoreCase)
    {
        var reader = new Reader(pattern, ignoreCase);
        var pieces = reader.Alternation(topLevel: true);
        if (pieces is null || reader.Position != pattern.Length) return [];
        var all = Requirements(pieces).Select(r => ignoreCase ? Folded(r) : r).OrderByDescending(Score).ToList();
        var selective = all.Where(r => r.AnyOf.All(l => l.Length > 1)).ToList();
        return selective.Count > 0 ? selective : all.Take(1).ToList();
    }

    /// <summary>A required character known only up to ASCII case (a class like <c>[Ss]</c>), as its lower case.</summary>
    private sealed record FoldedCharacter(char Lower);

    private static RequiredLiteral Folded(RequiredLiteral r) =>
        new(r.AnyOf.Select(l => l.ToLowerInvariant()).Distinct().ToArray(), IgnoreCase: true);

    /// <summary>The requirements of a sequence: its runs of characters and its choices.</summary>
    private static List<RequiredLiteral> Requirements(List<object?> pieces)
    {
        var found = new List<RequiredLiteral>();
        var run = new StringBuilder();
        var runFolds = false;
        foreach (var piece in pieces.Append(null))
        {
            switch (piece)
            {
                case char character:
                    run.Append(character);
                    continue;
                case FoldedCharacter folded:
                    run.Append(folded.Lower);
                    runFolds = true;
                    continue;
            }
            if (run.Length > 0)
            {
                var literal = new RequiredLiteral([run.ToString()], IgnoreCase: false);
                found.Add(runFolds ? Folded(literal) : literal);
            }
            run.Clear();
            runFolds = false;
            if (piece is RequiredLiteral choice) found.Add(choice);
        }
        return found;
    }

    /// <summary>A requirement is as selective as its shortest literal; then fewer literals are cheaper to test.</summary>
    private static (int, int) Score(RequiredLiteral r) => (r.AnyOf.Min(l => l.Length), -r.AnyOf.Length);

    /// <summary>
    /// Reads a pattern into pieces: required characters (<c>char</c> or <see cref="FoldedCharacter"/>), choices
    /// (<see cref="RequiredLiteral"/>), and breaks (null) between runs that need not be adjacent. A null list means a construct the reader does not understand.
    /// </summary>
    private sealed class Reader(string pattern, bool ignoreCase)
    {
        public int Position;

        private bool AtEnd => Position >= pattern.Length;

        /// <summary>Alternatives up to a closing parenthesis (not consumed) or the end.</summary>
        public List<object?>? Alternation(bool topLevel)
        {
            var alternatives = new List<List<object?>> { new() };
            while (!AtEnd && pattern[Position] != ')')
            {
                if (pattern[Position] == '|')
                {
                    Position++;
                    alternatives.Add([]);
                    continue;
                }
                if (!Atom(alternatives[^1])) return null;
            }
            if (topLevel && !AtEnd) return null;
            if (alternatives.Count == 1) return alternatives[0];
            // Any one alternative may match: one of their best requirements is, unless one of them requires nothing.
            var literals = new List<string>();
            var ignoresCase = false;
            foreach (var alternative in alternatives)
            {
                var best = Requirements(alternative).OrderByDescending(Score).FirstOrDefault();
                if (best is null) return [null];
                literals.AddRange(best.AnyOf);
                ignoresCase |= best.IgnoreCase;
            }
            var choice = new RequiredLiteral(literals.Distinct().ToArray(), ignoresCase);
            return [null, ignoresCase ? Folded(choice) : choice, null];
        }

        /// <summary>One atom with its quantifier, its required pieces added to <paramref name="pieces"/>.</summary>
        private bool Atom(List<object?> pieces)
        {
            var c = pattern[Position];
            List<object?>? inner;
            switch (c)
            {
                case '(':
                    inner = Group();
                    if (inner is null) return false;
                    break;
                case '[':
                    var start = Position;
                    if (!SkipClass()) return false;
                    inner = [CaseClass(pattern.AsSpan(start, Position - start))];
                    break;
                case '.' or '^' or '$':
                    Position++;
                    inner = [null];
                    break;
                case '\\':
                    if (Position + 1 >= pattern.Length) return false;
                    var escaped = pattern[Position + 1];
                    Position += 2;
                    if (escaped is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B') inner = [null];
                    else if (escaped < 128 && !char.IsLetterOrDigit(escaped)) inner = [Character(escaped)];
                    else return false;
                    break;
                case '*' or '+' or '?' or '{' or '|' or ')':
                    return false;
                default:
                    Position++;
                    inner = [Character(c)];
                    break;
            }
            var least = Quantifier();
            if (least < 0) return false;
            if (least == 0)
            {
                pieces.Add(null);
                return true;
            }
            var repeated = least != 1 || Quantified;
            if (repeated) pieces.Add(null);
            pieces.AddRange(inner);
            if (repeated) pieces.Add(null);
            return true;
        }

        /// <summary>Whether the last quantifier read allows more than one repetition or a range.</summary>
        private bool Quantified;

        /// <summary>A required character, or a break where case folding is not plain ASCII.</summary>
        private object? Character(char c) => ignoreCase && c >= 128 ? null : c;

        /// <summary>A class of one ASCII letter in both cases (<c>[Ss]</c>, <c>[sS]</c>) as that letter; else a break.</summary>
        private static object? CaseClass(ReadOnlySpan<char> text) =>
            text is ['[', var a, var b, ']'] && char.IsAsciiLetter(a) && a != b && char.ToLowerInvariant(a) == char.ToLowerInvariant(b)
                ? new FoldedCharacter(char.ToLowerInvariant(a))
                : null;

        /// <summary>A group's pieces: its content when it is a plain, capturing, named or atomic group.</summary>
        private List<object?>? Group()
        {
            Position++;
            var lookaround = false;
            if (Position < pattern.Length && pattern[Position] == '?')
            {
                var rest = pattern.AsSpan(Position);
                if (rest.StartsWith("?:") || rest.StartsWith("?>")) Position += 2;
                else if (rest.StartsWith("?=") || rest.StartsWith("?!")) { Position += 2; lookaround = true; }
                else if (rest.StartsWith("?<=") || rest.StartsWith("?<!")) { Position += 3; lookaround = true; }
                else if (rest.StartsWith("?<") || rest.StartsWith("?P<"))
                {
                    var close = pattern.IndexOf('>', Position);
                    if (close < 0) return null;
                    foreach (var n in pattern.AsSpan(Position + 2, close - Position - 2))
                        if (!char.IsLetterOrDigit(n) && n != '_') return null;
                    Position = close + 1;
                }
                else return null;
            }
            var inner = Alternation(topLevel: false);
            if (inner is null || AtEnd) return null;
            Position++;
            // A lookaround's text need not be part of the match; a group's edges join its neighbours.
            return lookaround ? [null] : inner;
        }

        /// <summary>Skips a character class; false for subtraction or a nested bracket.</summary>
        private bool SkipClass()
        {
            Position++;
            if (Position < pattern.Length && pattern[Position] == '^') Position++;
            if (Position < pattern.Length && pattern[Position] == ']') Position++;
            while (Position < pattern.Length)
            {
                switch (pattern[Position])
                {
                    case ']':
                        Position++;
                        return true;
                    case '[':
                        return false;
                    case '\\':
                        Position += 2;
                        break;
                    default:
                        Position++;
                        break;
                }
            }
            return false;
        }

        /// <summary>The least count of the quantifier at the position (1 when there is none), or -1 if unreadable.</summary>
        private int Quantifier()
        {
            Quantified = false;
            if (AtEnd) return 1;
            int least;
            switch (pattern[Position])
            {
                case '*':
                    Position++;
                    least = 0;
                    break;
                case '?':
                    Position++;
                    least = 0;
                    break;
                case '+':
                    Position++;
                    least = 1;
                    Quantified = true;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', Position);
                    if (close < 0) return -1;
                    var body = pattern.AsSpan(Position + 1, close - Position - 1);
                    var comma = body.IndexOf(',');
                    var first = comma < 0 ? body : body[..comma];
                    if (first.Length == 0 || !int.TryParse(first, System.Globalization.NumberStyles.None, null, out least)) return -1;
                    if (comma >= 0 && body.Length > comma + 1 && !int.TryParse(body[(comma + 1)..], System.Globalization.NumberStyles.None, null, out _)) return -1;
                    Quantified = true;
                    Position = close + 1;
                    break;
                default:
                    return 1;
            }
            if (!AtEnd && pattern[Position] == '?') Position++;
            return least;
        }
    }
}
