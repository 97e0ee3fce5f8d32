using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Patterns;
using GrokFlow.Language.Syntax;
using GrokFlow.Language.Dates;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Turns one grok parser's rules into checked <see cref="GrokRuleModel"/>s: expands helper and rule references and
/// built-in matchers into one tree per match rule, numbers the captures, and checks names, arguments and filters.
/// </summary>
internal sealed class GrokRuleCompiler
{
    private readonly Dictionary<string, RuleSyntax> _helpers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _matchRuleIndex = new(StringComparer.Ordinal);
    private readonly ImmutableArray<RuleSyntax> _matchRules;
    private readonly List<RulesDiagnostic> _diagnostics;
    private readonly HashSet<(string, int, int)> _reported = [];
    private readonly HashSet<string> _reportedCycles = new(StringComparer.Ordinal);
    private readonly List<RuleSyntax> _splicedHelpers = [];

    public GrokRuleCompiler(GrokParserSyntax parser, List<RulesDiagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
        _matchRules = parser.MatchRules;
        foreach (var helper in parser.Helpers)
        {
            if (!_helpers.TryAdd(helper.Name, helper))
                Report(DiagnosticCodes.DuplicateName, $"duplicate helper rule '{helper.Name}': helper names must be unique within a grok parser", helper.NameSpan);
            else if (!HelperSplicing.IsCompletePattern(helper.Pattern))
                _splicedHelpers.Add(helper);
        }
        for (var i = 0; i < parser.MatchRules.Length; i++)
        {
            var rule = parser.MatchRules[i];
            if (!_matchRuleIndex.TryAdd(rule.Name, i))
                Report(DiagnosticCodes.DuplicateName, $"duplicate match rule '{rule.Name}': rule names must be unique within a grok parser", rule.NameSpan);
            else if (_helpers.ContainsKey(rule.Name))
                Report(DiagnosticCodes.DuplicateName, $"'{rule.Name}' is both a match rule and a helper rule: rename one", rule.NameSpan);
        }
    }

    public ImmutableArray<GrokRuleModel> CompileAll()
    {
        var rules = ImmutableArray.CreateBuilder<GrokRuleModel>();
        foreach (var rule in _matchRules)
        {
            var expansion = new RuleExpansion(this);
            var root = expansion.ExpandPattern(rule, rule.Name, PatternFlags.Default);
            if (root is not null && !expansion.Failed)
                rules.Add(new GrokRuleModel(rule.Name, rule.Pattern, rule.NameSpan.Line, root, expansion.Captures.ToImmutable()));
        }
        // A helper no rule uses is still checked: a mistake in it is a mistake in the file (errors already reported
        // through a rule are not repeated).
        foreach (var helper in _helpers.Values)
        {
            if (!_splicedHelpers.Contains(helper) || !HelperSplicing.IsReferenced(helper.Name, _helpers.Values.Concat(_matchRules)))
                new RuleExpansion(this).ExpandPattern(helper, helper.Name, PatternFlags.Default);
        }
        return rules.ToImmutable();
    }

    private void Report(string code, string message, SourceSpan at)
    {
        if (_reported.Add((message, at.Line, at.Column)))
            _diagnostics.Add(new RulesDiagnostic(code, message, at.Line, at.Column));
    }

    /// <summary>The expansion of one match rule: its capture slots and the reference stack used to find cycles.</summary>
    private sealed class RuleExpansion(GrokRuleCompiler compiler) : IPatternHost
    {
        private readonly Stack<(RuleSyntax Rule, string Name)> _stack = new();
        public ImmutableArray<CaptureModel>.Builder Captures { get; } = ImmutableArray.CreateBuilder<CaptureModel>();
        public bool Failed { get; private set; }

        private RuleSyntax Current => _stack.Peek().Rule;

        public Node? ExpandPattern(RuleSyntax rule, string name, PatternFlags flags)
        {
            var spliced = HelperSplicing.Splice(rule.Pattern, compiler._splicedHelpers);
            if (!ReferenceEquals(spliced, rule.Pattern)) rule = rule with { Pattern = spliced };
            _stack.Push((rule, name));
            try
            {
                return PatternParser.Parse(rule.Pattern, this, flags: flags);
            }
            catch (PatternSyntaxException e)
            {
                Failed = true;
                compiler.Report(e.Code, e.Message, rule.PatternSpan.Shift(e.Offset));
                return null;
            }
            catch (ExpansionFailedException)
            {
                Failed = true;
                return null;
            }
            finally
            {
                _stack.Pop();
            }
        }

        public int DeclareNamedGroup(string name, int offset)
        {
            var slot = Captures.Count;
            // A raw named group is extracted as a top-level key taken literally, dots included.
            Captures.Add(new CaptureModel(slot, [name], ValueConversion.Text, null, $"(?<{name}>...)"));
            return slot;
        }

        public Node ExpandToken(GrokTokenSyntax token, int offset, int length, PatternFlags flags)
        {
            var at = Current.PatternSpan.Shift(offset, length);
            var text = Current.Pattern.Substring(offset, length);
            var (body, conversion) = ExpandMatcher(token.Matcher, at, text, flags);
            FilterModel? filter = null;
            if (token.Filter is not null)
            {
                filter = FilterCompiler.Compile(token.Filter, out var error);
                if (filter is null) Fail(error!.Value.Code, error.Value.Message, at);
            }
            if (token.Path is not { } path)
                return new OriginNode(text, body);
            if (path.Length == 0 && (filter is null || !FilterCompiler.MayProduceObject(filter)))
            {
                // %{m::filter}: an object result merges at the root (an empty path); a scalar one is discarded.
                return new OriginNode(text, body);
            }
            var slot = Captures.Count;
            Captures.Add(new CaptureModel(slot, path, conversion, filter, text));
            return new OriginNode(text, new CaptureNode(slot, body));
        }

        private (Node Body, ValueConversion Conversion) ExpandMatcher(Patterns.GrokFunction matcher, SourceSpan at, string text, PatternFlags flags)
        {
            var name = matcher.Name;
            if (compiler._helpers.TryGetValue(name, out var helper))
                return (ExpandReference(helper, name, matcher, at, flags), ValueConversion.Text);
            if (compiler._matchRuleIndex.TryGetValue(name, out var index))
            {
                // Datadog's docs say a rule references rules defined above it, but its engine accepts a match rule
                // defined below (the strimzi integration's first rule references its last, and its recorded results
                // hold what both extract). A reference back to the referencing rule is a cycle, reported as one.
                return (ExpandReference(compiler._matchRules[index], name, matcher, at, flags), ValueConversion.Text);
            }
            switch (name)
            {
                case "date": return ExpandDate(matcher, at, flags);
                case "regex": return (ExpandRegex(matcher, at, flags), ValueConversion.Text);
                case "boolean": return ExpandBoolean(matcher, at);
            }
            if (BuiltInPatterns.All.TryGetValue(name, out var builtIn))
            {
                if (matcher.HasParentheses)
                    Fail(DiagnosticCodes.BadArguments, $"matcher '{name}' takes no arguments", at);
                return (BuiltInPatterns.Expand(name, flags), builtIn.Conversion);
            }
            Fail(DiagnosticCodes.UnknownMatcher,
                $"unknown matcher '{name}' in {text}: expected a helper rule, a match rule, or a built-in matcher ({BuiltInPatterns.KnownNames})", at);
            throw new ExpansionFailedException();
        }

        private Node ExpandReference(RuleSyntax target, string name, Patterns.GrokFunction matcher, SourceSpan at, PatternFlags flags)
        {
            if (matcher.HasParentheses)
                Fail(DiagnosticCodes.BadArguments, $"'{name}' is a rule reference and takes no arguments", at);
            if (_stack.Any(frame => frame.Name == name))
            {
                var members = _stack.Reverse().Select(f => f.Name).SkipWhile(n => n != name).ToList();
                var cycle = string.Join(" -> ", members.Append(name));
                // The same circle entered from another of its members is one mistake: report it once.
                if (!compiler._reportedCycles.Add(string.Join(",", members.OrderBy(n => n, StringComparer.Ordinal))))
                {
                    Failed = true;
                    throw new ExpansionFailedException();
                }
                Fail(DiagnosticCodes.CircularReference, $"circular reference: {cycle}", at);
            }
            var body = ExpandPattern(target, name, flags);
            if (body is null) throw new ExpansionFailedException();
            return body;
        }

        private (Node, ValueConversion) ExpandDate(Patterns.GrokFunction matcher, SourceSpan at, PatternFlags flags)
        {
            var args = StringArguments(matcher, at, min: 1, max: 3, "date(\"pattern\"[, \"timezone\"[, \"locale\"]])");
            var format = DatePattern.Compile(args[0], args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null, out var error);
            if (format is null)
                Fail(DiagnosticCodes.BadDate, $"invalid date matcher: {error}", at);
            return (PatternParser.Parse(format!.RegexPattern, host: null, flags: flags), new DateConversion(args[0], args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null));
        }

        private Node ExpandRegex(Patterns.GrokFunction matcher, SourceSpan at, PatternFlags flags)
        {
            var args = StringArguments(matcher, at, min: 1, max: 1, "regex(\"pattern\")");
            try
            {
                return PatternParser.Parse(args[0], host: null, DiagnosticCodes.BadMatcherRegex, flags);
            }
            catch (PatternSyntaxException e)
            {
                Fail(e.Code == DiagnosticCodes.Unsupported ? e.Code : DiagnosticCodes.BadMatcherRegex,
                    $"invalid regex(\"{args[0]}\") at offset {e.Offset}: {e.Message}", at);
                throw;
            }
        }

        private (Node, ValueConversion) ExpandBoolean(Patterns.GrokFunction matcher, SourceSpan at)
        {
            string truePattern = "true", falsePattern = "false";
            if (matcher.HasParentheses)
            {
                var args = StringArguments(matcher, at, min: 2, max: 2, "boolean(\"truePattern\", \"falsePattern\")");
                (truePattern, falsePattern) = (args[0], args[1]);
            }
            return (new AlternationNode([Literal(truePattern), Literal(falsePattern)]), new BooleanConversion(truePattern, falsePattern));

            static Node Literal(string text) => PatternParser.MakeSequence(text.Select(c => char.IsAsciiLetter(c)
                ? new SetNode(CharSet.Single(c).IgnoreCase())
                : (Node)new TextNode(c.ToString(), false)));
        }

        private string[] StringArguments(Patterns.GrokFunction matcher, SourceSpan at, int min, int max, string expected)
        {
            var args = matcher.Arguments;
            if (args.Length < min || args.Length > max || args.Any(a => a is not StringArgument))
                Fail(DiagnosticCodes.BadArguments, $"invalid arguments for '{matcher}': expected {expected} with double-quoted strings", at);
            return args.Select(a => ((StringArgument)a).Value).ToArray();
        }

        private void Fail(string code, string message, SourceSpan at)
        {
            Failed = true;
            compiler.Report(code, message, at);
            throw new ExpansionFailedException();
        }
    }

    /// <summary>Unwinds an expansion after its error has been reported.</summary>
    private sealed class ExpansionFailedException : Exception;
}
