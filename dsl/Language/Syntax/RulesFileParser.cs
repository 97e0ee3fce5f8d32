using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.NetFlow;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace GrokFlow.Language.Syntax;

/// <summary>
/// The .rules file grammar. Structure (blocks, keywords, quoted strings) is free-form; inside <c>match</c> and
/// <c>helpers</c> every line is <c>Name pattern</c> with the pattern taken verbatim, exactly as Datadog users paste it.
/// </summary>
public static class RulesFileParser
{
    private static readonly Parser<char, Unit> InlineSpace = OneOf(Char(' '), Char('\t')).SkipMany();
    private static readonly Parser<char, Unit> InlineSpace1 = OneOf(Char(' '), Char('\t')).SkipAtLeastOnce();
    private static readonly Parser<char, Unit> LineEnd = OneOf(Char('\n').IgnoreResult(), End);
    private static readonly Parser<char, Unit> Comment = Char('#').Then(AnyCharExcept('\n').SkipMany());

    /// <summary>Blank space, newlines and <c>#</c> comments between structural items.</summary>
    private static readonly Parser<char, Unit> Trivia = OneOf(Whitespace.IgnoreResult(), Comment).SkipMany();

    private static Parser<char, string> Keyword(string word) =>
        Try(String(word).Before(Not(Token(IsIdentifierChar)))).Labelled($"'{word}'");

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '@' or '$';

    private static readonly Parser<char, string> Identifier =
        Token(IsIdentifierChar).AtLeastOnceString().Labelled("an identifier");

    private static readonly Parser<char, char> EscapedChar =
        Char('\\').Then(OneOf(Char('"'), Char('\\'), Char('n').ThenReturn('\n'), Char('t').ThenReturn('\t')));

    private static readonly Parser<char, string> QuotedString =
        OneOf(EscapedChar, AnyCharExcept('"', '\\', '\n')).ManyString().Between(Char('"'), Char('"')).Labelled("a quoted string");

    private static readonly Parser<char, SourceSpan> Here = CurrentPos.Select(p => new SourceSpan(p.Line, p.Col));

    /// <summary>A line holding only <c>}</c>: closes a match or helpers block.</summary>
    private static readonly Parser<char, Unit> CloseLine = Try(InlineSpace.Then(Char('}')).Then(InlineSpace).Then(LineEnd));

    private static readonly Parser<char, Unit> BlankOrCommentLine =
        Try(InlineSpace.Then(Comment.Optional()).Then(Char('\n').IgnoreResult()));

    private static readonly Parser<char, RuleSyntax> RuleLine =
        from _ in InlineSpace
        from nameAt in Here
        from name in Token(c => !char.IsWhiteSpace(c)).AtLeastOnceString().Labelled("a rule name")
        from __ in InlineSpace1.Labelled("whitespace between the rule name and its pattern")
        from patternAt in Here
        from pattern in AnyCharExcept('\n').ManyString()
        from ___ in LineEnd
        let trimmed = pattern.TrimEnd(' ', '\t', '\r')
        select new RuleSyntax(name, trimmed, nameAt with { Length = name.Length }, patternAt with { Length = Math.Max(1, trimmed.Length) });

    private static readonly Parser<char, Maybe<RuleSyntax>> RuleLineOrSkip =
        OneOf(BlankOrCommentLine.ThenReturn(Maybe.Nothing<RuleSyntax>()), RuleLine.Select(Maybe.Just));

    private static Parser<char, ImmutableArray<RuleSyntax>> RuleBlock(string keyword) =>
        from _ in Keyword(keyword)
        from __ in InlineSpace
        from ___ in Char('{').Labelled($"'{{' after '{keyword}'")
        from ____ in InlineSpace.Then(Comment.Optional()).Then(Char('\n').Labelled($"a new line after '{keyword} {{' (each rule goes on its own line)"))
        from rules in RuleLineOrSkip.Until(CloseLine)
        select rules.Where(r => r.HasValue).Select(r => r.Value).ToImmutableArray();

    private static readonly Parser<char, bool> EnabledLine =
        Keyword("enabled").Then(InlineSpace1).Then(OneOf(Keyword("true").ThenReturn(true), Keyword("false").ThenReturn(false)).Labelled("true or false"));

    private static readonly Parser<char, string> SampleLine =
        Keyword("sample").Then(InlineSpace1).Then(QuotedString);

    private sealed record GrokItem(ImmutableArray<RuleSyntax>? Match, ImmutableArray<RuleSyntax>? Helpers, string? Sample, bool? Enabled);

    private static readonly Parser<char, GrokItem> GrokItemParser = OneOf(
        RuleBlock("match").Select(m => new GrokItem(m, null, null, null)),
        RuleBlock("helpers").Select(h => new GrokItem(null, h, null, null)),
        SampleLine.Select(s => new GrokItem(null, null, s, null)),
        EnabledLine.Select(e => new GrokItem(null, null, null, e)));

    private static readonly Parser<char, GrokParserSyntax> GrokBlock =
        from at in Here
        from _ in Keyword("grok")
        from __ in InlineSpace1
        from attribute in Identifier.Labelled("the attribute to parse (e.g. message)")
        from ___ in InlineSpace
        from name in QuotedString.Optional()
        from ____ in InlineSpace.Then(Char('{')).Then(Trivia)
        from items in GrokItemParser.Before(Trivia).Many()
        from _____ in Char('}').Labelled("'}' closing the grok block, 'match {', 'helpers {', 'sample \"...\"' or 'enabled false'")
        let list = items.ToList()
        select new GrokParserSyntax(
            attribute,
            list.Where(i => i.Match is not null).SelectMany(i => i.Match!.Value).ToImmutableArray(),
            list.Where(i => i.Helpers is not null).SelectMany(i => i.Helpers!.Value).ToImmutableArray(),
            at with { Length = 4 },
            name.HasValue ? name.Value : null,
            list.LastOrDefault(i => i.Enabled is not null)?.Enabled ?? true,
            list.Where(i => i.Sample is not null).Select(i => i.Sample!).ToImmutableArray());

    private static readonly Parser<char, string> FilterLine =
        Keyword("filter").Then(InlineSpace1).Then(QuotedString);

    private static readonly Parser<char, string> SettingValue = OneOf(
        QuotedString,
        Token(c => c != '#' && c != ',' && c != '"' && !char.IsWhiteSpace(c))
            .Then(Token(c => c != ',' && c != '"' && !char.IsWhiteSpace(c)).ManyString(), (first, rest) => first + rest)
            .Labelled("a value"));

    private static readonly Parser<char, Unit> LineTail = InlineSpace.Then(Comment.Optional()).Then(LineEnd);

    private static readonly Parser<char, string> BlockLine =
        Try(InlineSpace.Then(Lookahead(Not(Char('}').Then(InlineSpace).Then(LineEnd))))).Then(AnyCharExcept('\n').ManyString()).Before(LineEnd)
            .Select(line => line.Trim(' ', '\t', '\r'));

    private static readonly Parser<char, SettingSyntax> SettingLine =
        from _ in InlineSpace
        from at in Here
        from key in Token(c => char.IsLetterOrDigit(c) || c is '_' or '-').AtLeastOnceString().Labelled("a setting name")
        from __ in InlineSpace
        from setting in OneOf(
            Char('{').Then(LineTail).Then(BlockLine.Until(CloseLine))
                .Select(lines => new SettingSyntax(key, ImmutableArray<string>.Empty, lines.Where(l => l.Length > 0).ToImmutableArray(), at with { Length = key.Length })),
            SettingValue.Separated(Try(InlineSpace.Then(Char(',')).Then(InlineSpace))).Before(LineTail)
                .Select(values => new SettingSyntax(key, values.ToImmutableArray(), null, at with { Length = key.Length })))
        select setting;

    private static readonly Parser<char, Maybe<SettingSyntax>> SettingLineOrSkip =
        OneOf(BlankOrCommentLine.ThenReturn(Maybe.Nothing<SettingSyntax>()), SettingLine.Select(Maybe.Just));

    private static readonly Parser<char, ProcessorSyntax> ProcessorBlock =
        from at in Here
        from header in Try(
            from type in Token(c => char.IsLetter(c) || c == '-').AtLeastOnceString()
            from _ in InlineSpace
            from name in QuotedString.Optional()
            from __ in InlineSpace.Then(Char('{'))
            select (type, name)).Labelled("a processor block (e.g. 'attribute-remapper \"Name\" {')")
        let type = header.type
        let name = header.name
        from ___ in LineTail.Labelled("a new line after '{' (each setting goes on its own line)")
        from settings in SettingLineOrSkip.Until(CloseLine)
        select new ProcessorSyntax(type, name.HasValue ? name.Value : null, settings.Where(s => s.HasValue).Select(s => s.Value).ToImmutableArray(), at with { Length = type.Length });

    private sealed record PipelineItem(string? Filter, StepSyntax? Step, bool? Enabled);

    private static Parser<char, PipelineItem> PipelineItemParser(bool nested)
    {
        var items = new List<Parser<char, PipelineItem>>
        {
            FilterLine.Select(f => new PipelineItem(f, null, null)),
            GrokBlock.Select(g => new PipelineItem(null, g, null)),
        };
        if (nested) items.Add(EnabledLine.Select(e => new PipelineItem(null, null, e)));
        items.Add(Rec(() => NestedPipeline!).Select(n => new PipelineItem(null, n, null)));
        items.Add(ProcessorBlock.Select(p => new PipelineItem(null, p, null)));
        return OneOf(items);
    }

    private static readonly Parser<char, NestedPipelineSyntax> NestedPipeline =
        from at in Here
        from _ in Keyword("pipeline")
        from __ in InlineSpace
        from name in QuotedString.Optional()
        from ___ in InlineSpace.Then(Char('{').Labelled("'{' opening the nested pipeline")).Then(Trivia)
        from items in PipelineItemParser(nested: true).Before(Trivia).Many()
        from ____ in Char('}').Labelled("'}' closing the nested pipeline, 'filter \"...\"', 'grok ATTRIBUTE {' or a processor")
        let list = items.ToList()
        select new NestedPipelineSyntax(
            name.HasValue ? name.Value : null,
            list.Select(i => i.Filter).LastOrDefault(f => f is not null),
            list.LastOrDefault(i => i.Enabled is not null)?.Enabled ?? true,
            list.Where(i => i.Step is not null).Select(i => i.Step!).ToImmutableArray(),
            at with { Length = 8 });

    private static readonly Parser<char, PipelineSyntax> Pipeline =
        from at in Here
        from _ in Keyword("pipeline")
        from __ in InlineSpace1
        from id in Identifier.Labelled("the pipeline id")
        from ___ in InlineSpace
        from title in QuotedString.Optional()
        from ____ in InlineSpace.Then(Char('{').Labelled("'{' opening the pipeline")).Then(Trivia)
        from items in PipelineItemParser(nested: false).Before(Trivia).Many()
        from _____ in Char('}').Labelled("'}' closing the pipeline, 'filter \"...\"', 'grok ATTRIBUTE {' or a processor")
        let list = items.ToList()
        select new PipelineSyntax(
            id,
            title.HasValue ? title.Value : null,
            list.Select(i => i.Filter).LastOrDefault(f => f is not null),
            list.Where(i => i.Step is not null).Select(i => i.Step!).ToImmutableArray(),
            at with { Length = 8 });

    private sealed record TopLevelItem(PipelineSyntax? Pipeline, NetFlowLayoutSyntax? Layout);

    private static readonly Parser<char, RulesFileSyntax> File =
        from _ in Trivia
        from items in OneOf(
                Pipeline.Select(p => new TopLevelItem(p, null)),
                Lookahead(Keyword("netflow")).Then(NetFlowLayoutParser.Block).Select(l => new TopLevelItem(null, l)))
            .Before(Trivia).Many()
        from __ in End.Labelled("'pipeline ID \"Title\" {' or 'netflow ...'")
        select new RulesFileSyntax(
            items.Where(i => i.Pipeline is not null).Select(i => i.Pipeline!).ToImmutableArray(),
            items.Where(i => i.Layout is not null).Select(i => i.Layout!).ToImmutableArray());

    /// <summary>Parses a whole file; on a syntax error returns null and one GF0001 diagnostic at the error.</summary>
    public static RulesFileSyntax? Parse(string text, out RulesDiagnostic? error)
    {
        var result = File.Parse(text.Replace("\r\n", "\n"));
        if (result.Success)
        {
            error = null;
            return result.Value;
        }
        var e = result.Error!;
        error = new RulesDiagnostic(DiagnosticCodes.Syntax, "syntax error: " + Describe(e, "end of file", Describe), e.ErrorPos.Line, e.ErrorPos.Col);
        return null;
    }

    /// <summary>A Pidgin error as "[message; ]unexpected X[; expected Y or Z]"; <paramref name="end"/> names the end of the input.</summary>
    internal static string Describe(ParseError<char> e, string end, Func<char, string> describe)
    {
        var unexpected = e.EOF ? end : e.Unexpected.HasValue ? describe(e.Unexpected.Value) : "input";
        var expected = string.Join(" or ", e.Expected.Select(x => x.Label ?? (x.Tokens.IsDefault ? "?" : "'" + new string(x.Tokens.ToArray()) + "'")).Distinct());
        return $"{(e.Message is null ? "" : e.Message + "; ")}unexpected {unexpected}" + (expected.Length > 0 ? $"; expected {expected}" : "");
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "end of line",
        '\t' => "tab",
        _ => $"'{c}'",
    };
}
