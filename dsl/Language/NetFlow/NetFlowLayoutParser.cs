using System.Collections.Immutable;
using Pidgin;
using static Pidgin.Parser;

namespace GrokFlow.Language.NetFlow;

/// <summary>
/// Parses a <c>netflow</c> block: <c>netflow ID ["title"] {</c>, then one entry per line (blank lines and
/// <c>#</c> comments allowed anywhere), then a line holding <c>}</c>. Entries are kept as positioned words; their
/// meaning is checked by <see cref="NetFlowLayoutChecker"/>, which reports GF01xx diagnostics.
/// </summary>
public static class NetFlowLayoutParser
{
    private static readonly Parser<char, Unit> InlineSpace = OneOf(Char(' '), Char('\t')).SkipMany();

    private static readonly Parser<char, Unit> InlineSpaceRequired = OneOf(Char(' '), Char('\t')).SkipAtLeastOnce();

    private static readonly Parser<char, Unit> Comment = Char('#').Then(AnyCharExcept('\r', '\n').SkipMany());

    private static readonly Parser<char, Unit> LineEnd =
        InlineSpace.Then(Comment.Optional()).Then(EndOfLine).IgnoreResult().Labelled("end of line");

    private static readonly Parser<char, NetFlowToken> Word =
        Map((pos, text) => new NetFlowToken(text, pos.Line, pos.Col),
            Parser<char>.CurrentPos,
            AnyCharExcept(' ', '\t', '\r', '\n', '#', '"', '{', '}').AtLeastOnceString()).Labelled("word");

    private static readonly Parser<char, string> Title =
        Char('"').Then(AnyCharExcept('"', '\r', '\n').ManyString()).Before(Char('"')).Labelled("quoted title");

    private static readonly Parser<char, NetFlowEntrySyntax?> Entry =
        Word.Before(InlineSpace).AtLeastOnce().Before(LineEnd)
            .Select<NetFlowEntrySyntax?>(words => new NetFlowEntrySyntax(words.ToImmutableArray()));

    private static readonly Parser<char, NetFlowEntrySyntax?> BodyLine =
        InlineSpace.Then(OneOf(LineEnd.ThenReturn<NetFlowEntrySyntax?>(null), Entry));

    private static readonly Parser<char, Unit> Close = Try(InlineSpace.Then(Char('}'))).IgnoreResult().Labelled("}");

    /// <summary>
    /// Parses one block from the keyword <c>netflow</c> up to and including its closing <c>}</c>. The top-level
    /// .rules parser calls it at a line starting with <c>netflow</c> and skips blank and comment lines itself.
    /// </summary>
    public static Parser<char, NetFlowLayoutSyntax> Block { get; } =
        Map((pos, id, title, lines) => new NetFlowLayoutSyntax(id.Text, title.GetValueOrDefault(""), pos.Line, pos.Col,
                lines.Where(l => l is not null).Select(l => l!).ToImmutableArray()),
            Parser<char>.CurrentPos.Before(String("netflow")).Before(InlineSpaceRequired),
            Word.Before(InlineSpace),
            Title.Before(InlineSpace).Optional(),
            Char('{').Then(LineEnd).Then(BodyLine.Until(Close)));
}
