using System.Collections.Immutable;
using System.Globalization;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace GrokFlow.Language.Patterns;

/// <summary>The grammar inside <c>%{ ... }</c>: matcher, optional extract path, optional filter.</summary>
public static class GrokTokenParser
{
    private static readonly Parser<char, Unit> Spaces = Char(' ').SkipMany();

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$' or '@';
    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '@' or '-';

    /// <summary>Matcher names may contain dots: they can name rules such as <c>access.common</c>.</summary>
    private static readonly Parser<char, string> MatcherName =
        Token(IsNameStart).Then(Token(c => IsNameChar(c) || c == '.').ManyString(), (first, rest) => first + rest).Labelled("a matcher name");

    private static readonly Parser<char, string> FunctionName =
        Token(IsNameStart).Then(Token(IsNameChar).ManyString(), (first, rest) => first + rest).Labelled("a filter name");

    // Datadog's lexer: \" \' \\ are escapes, and the doubled-backslash letters \\n \\r \\t stand for LF, CR and TAB.
    private static readonly Parser<char, string> Escape =
        Char('\\').Then(OneOf(
            Char('"').ThenReturn("\""),
            Char('\'').ThenReturn("'"),
            Char('\\').Then(OneOf(
                Char('n').ThenReturn("\n"),
                Char('r').ThenReturn("\r"),
                Char('t').ThenReturn("\t"),
                Return("\\")))))
        .Labelled("an escape (\\\" \\' \\\\ \\\\n \\\\r \\\\t)");

    private static readonly Parser<char, string> QuotedString =
        OneOf(Escape, AnyCharExcept('"', '\\').Select(c => c.ToString())).Many()
            .Select(parts => string.Concat(parts))
            .Between(Char('"'), Char('"').Labelled("a closing '\"'"));

    private static readonly Parser<char, GrokArgument> NumberArg =
        Token(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E').AtLeastOnceString()
            .Assert(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _), s => $"'{s}' is not a number")
            .Select(s => (GrokArgument)new NumberArgument(double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture), !s.Any(c => c is '.' or 'e' or 'E')));

    private static Parser<char, GrokFunction> Call(Parser<char, string> name) =>
        from n in name
        from args in Arguments!.Optional()
        select new GrokFunction(n, args.HasValue ? args.Value : ImmutableArray<GrokArgument>.Empty, args.HasValue);

    private static readonly Parser<char, GrokFunction> Function = Rec(() => Call(FunctionName));

    private static readonly Parser<char, GrokArgument> Argument = OneOf(
        QuotedString.Select(s => (GrokArgument)new StringArgument(s)),
        NumberArg,
        Try(String("true").Before(Not(Token(IsNameChar)))).ThenReturn((GrokArgument)new BooleanArgument(true)),
        Try(String("false").Before(Not(Token(IsNameChar)))).ThenReturn((GrokArgument)new BooleanArgument(false)),
        Try(String("null").Before(Not(Token(IsNameChar)))).ThenReturn((GrokArgument)new NullArgument()),
        Function.Select(f => (GrokArgument)new FunctionArgument(f))).Labelled("an argument (\"string\", number, true, false, null or a filter)");

    private static readonly Parser<char, ImmutableArray<GrokArgument>> Arguments =
        Argument.Between(Spaces).Separated(Char(','))
            .Between(Char('('), Char(')').Labelled("')' or ','"))
            .Select(a => a.ToImmutableArray());

    private static readonly Parser<char, string> PathSegment = OneOf(
        Token(IsNameChar).AtLeastOnceString(),
        QuotedString.Between(Char('['), Char(']')));

    // A path is dotted segments; a bracketed quoted segment may follow a segment directly: field["quoted name"].
    private static readonly Parser<char, ImmutableArray<string>> Path =
        PathSegment.Then(OneOf(Char('.').Then(PathSegment), QuotedString.Between(Char('['), Char(']'))).Many(),
                (first, rest) => rest.Prepend(first).ToImmutableArray())
            .Labelled("an attribute path");

    // The matcher is a function whose name may hold dots (%{access.common}); filters and nested functions may not.
    private static readonly Parser<char, GrokFunction> Matcher = Call(MatcherName);

    // Datadog accepts "?>" before the matcher (%{?>notSpace:db.severity} in the mysql integration) and matches as
    // without it: the recorded result extracts "Warning" from "[Warning]" through \[%{?>notSpace:x}\], which an
    // atomic notSpace could not do.
    private static readonly Parser<char, Unit> IgnoredMatcherPrefix = Try(String("?>")).Optional().IgnoreResult();

    private static readonly Parser<char, GrokTokenSyntax> Token =
        from prefix in IgnoredMatcherPrefix
        from matcher in Matcher
        from rest in Char(':').Then(
                from path in Path.Optional()
                from filter in Char(':').Then(Function).Optional()
                select (path, filter)).Optional()
        from end in End.Labelled("':' or the end of the token")
        select new GrokTokenSyntax(
            matcher,
            rest.HasValue ? (rest.Value.path.HasValue ? rest.Value.path.Value : ImmutableArray<string>.Empty) : null,
            rest.HasValue && rest.Value.filter.HasValue ? rest.Value.filter.Value : null);

    /// <summary>Parses the text between <c>%{</c> and <c>}</c>. On error returns null, the message and the offset.</summary>
    public static GrokTokenSyntax? Parse(string inner, out string? error, out int errorOffset)
    {
        var result = Token.Parse(inner);
        if (result.Success)
        {
            error = null;
            errorOffset = 0;
            var token = result.Value;
            // %{m:} is the same as %{m}: nothing extracted.
            if (token.Path is { Length: 0 } && token.Filter is null) token = token with { Path = null };
            return token;
        }
        error = $"invalid token %{{{inner}}}: " + Syntax.RulesFileParser.Describe(result.Error!, "end of token", c => $"'{c}'");
        errorOffset = result.Error!.ErrorPos.Col - 1;
        return null;
    }
}
