using System.Collections.Immutable;
using GrokFlow.Dsl.Diagnostics;
using GrokFlow.Dsl.NetFlow;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace GrokFlow.Dsl.Syntax;

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

    private static readonly Parser<char, GrokParserSyntax> GrokBlock =
        from at in Here
        from _ in Keyword("grok")
        from __ in InlineSpace1
        from attribute in Identifier.Labelled("the attribute to parse (e.g. message)")
        from ___ in InlineSpace.Then(Char('{')).Then(Trivia)
        from match in RuleBlock("match")
        from ____ in Trivia
        from helpers in RuleBlock("helpers").Optional()
        from _____ in Trivia.Then(Char('}').Labelled("'}' closing the grok block"))
        select new GrokParserSyntax(attribute, match, helpers.GetValueOrDefault(ImmutableArray<RuleSyntax>.Empty), at with { Length = 4 });

    private static readonly Parser<char, string> FilterLine =
        Keyword("filter").Then(InlineSpace1).Then(QuotedString);

    private sealed record PipelineItem(string? Filter, GrokParserSyntax? Parser);

    private static readonly Parser<char, PipelineItem> PipelineItemParser = OneOf(
        FilterLine.Select(f => new PipelineItem(f, null)),
        GrokBlock.Select(g => new PipelineItem(null, g)));

    private static readonly Parser<char, PipelineSyntax> Pipeline =
        from at in Here
        from _ in Keyword("pipeline")
        from __ in InlineSpace1
        from id in Identifier.Labelled("the pipeline id")
        from ___ in InlineSpace
        from title in QuotedString.Optional()
        from ____ in InlineSpace.Then(Char('{').Labelled("'{' opening the pipeline")).Then(Trivia)
        from items in PipelineItemParser.Before(Trivia).Many()
        from _____ in Char('}').Labelled("'}' closing the pipeline, 'filter \"...\"' or 'grok ATTRIBUTE {'")
        select new PipelineSyntax(
            id,
            title.HasValue ? title.Value : null,
            items.Select(i => i.Filter).LastOrDefault(f => f is not null),
            items.Where(i => i.Parser is not null).Select(i => i.Parser!).ToImmutableArray(),
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
        error = new RulesDiagnostic(DiagnosticCodes.Syntax, DescribeSyntaxError(e), e.ErrorPos.Line, e.ErrorPos.Col);
        return null;
    }

    private static string DescribeSyntaxError(ParseError<char> e)
    {
        var unexpected = e.EOF ? "end of file" : e.Unexpected.HasValue ? Describe(e.Unexpected.Value) : "input";
        var expected = string.Join(" or ", e.Expected.Select(x => x.Label ?? (x.Tokens.IsDefault ? "?" : "'" + new string(x.Tokens.ToArray()) + "'")).Distinct());
        var message = e.Message is null ? "" : e.Message + "; ";
        return $"syntax error: {message}unexpected {unexpected}" + (expected.Length > 0 ? $"; expected {expected}" : "");
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "end of line",
        '\t' => "tab",
        _ => $"'{c}'",
    };
}
