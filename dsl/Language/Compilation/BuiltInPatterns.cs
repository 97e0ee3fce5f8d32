using System.Collections.Frozen;
using GrokFlow.Language.Model;
using GrokFlow.Language.Patterns;

namespace GrokFlow.Language.Compilation;

/// <summary>A matcher without arguments: its grok pattern (may use other built-ins) and its implicit conversion.</summary>
internal sealed record BuiltInPattern(string Pattern, ValueConversion Conversion);

/// <summary>
/// The argument-less matchers of Datadog's grok (spec section 3) and the lowercase helper patterns real integrations
/// use. The regexes follow the open peer implementation, since Datadog does not publish its own.
/// </summary>
internal static class BuiltInPatterns
{
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|[0-1]?[0-9]{1,2})";
    private const string H16 = "[0-9A-Fa-f]{1,4}";
    private const string V4 = "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3})";

    // The common long IPv6 alternation: eight groups, '::' compression at every place, embedded IPv4, zone id.
    private static readonly string Ipv6 =
        "(?:" + string.Join("|",
            $"(?:(?:{H16}:){{7}}(?:{H16}|:))",
            $"(?:(?:{H16}:){{6}}(?::{H16}|{V4}|:))",
            $"(?:(?:{H16}:){{5}}(?:(?:(?::{H16}){{1,2}})|:{V4}|:))",
            $"(?:(?:{H16}:){{4}}(?:(?:(?::{H16}){{1,3}})|(?:(?::{H16})?:{V4})|:))",
            $"(?:(?:{H16}:){{3}}(?:(?:(?::{H16}){{1,4}})|(?:(?::{H16}){{0,2}}:{V4})|:))",
            $"(?:(?:{H16}:){{2}}(?:(?:(?::{H16}){{1,5}})|(?:(?::{H16}){{0,3}}:{V4})|:))",
            $"(?:(?:{H16}:){{1}}(?:(?:(?::{H16}){{1,6}})|(?:(?::{H16}){{0,4}}:{V4})|:))",
            $"(?::(?:(?:(?::{H16}){{1,7}})|(?:(?::{H16}){{0,5}}:{V4})|:))") +
        ")(?:%.+)?";

    public static readonly FrozenDictionary<string, BuiltInPattern> All = new Dictionary<string, BuiltInPattern>
    {
        ["notSpace"] = new(@"\S+", ValueConversion.Text),
        ["numberStr"] = new(@"[+-]?(?>[0-9]+(?:\.(?:[0-9]*)?)?|\.[0-9]+)", ValueConversion.Text),
        ["number"] = new("%{numberStr}", new NumericConversion(NumericKind.Number)),
        ["numberExtStr"] = new(@"[+-]?(?>[0-9]+(?:\.(?:[0-9]*)?)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", ValueConversion.Text),
        ["numberExt"] = new("%{numberExtStr}", new NumericConversion(NumericKind.NumberExt)),
        ["integerStr"] = new(@"[+-]?[0-9]+", ValueConversion.Text),
        ["integer"] = new("%{integerStr}", new NumericConversion(NumericKind.Integer)),
        ["integerExtStr"] = new(@"[+-]?[0-9]+(?:[eE][+-]?[0-9]+)?", ValueConversion.Text),
        ["integerExt"] = new("%{integerExtStr}", new NumericConversion(NumericKind.IntegerExt)),
        ["word"] = new(@"\b\w+\b", ValueConversion.Text),
        ["doubleQuotedString"] = new("\"[^\"]*\"", ValueConversion.Text),
        ["singleQuotedString"] = new("'[^']*'", ValueConversion.Text),
        ["quotedString"] = new("(?>%{doubleQuotedString}|%{singleQuotedString})", ValueConversion.Text),
        ["qs"] = new("%{quotedString}", ValueConversion.Text),
        ["uuid"] = new("[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}", ValueConversion.Text),
        ["ciscoMac"] = new("(?:(?:[A-Fa-f0-9]{4}\\.){2}[A-Fa-f0-9]{4})", ValueConversion.Text),
        ["windowsMac"] = new("(?:(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2})", ValueConversion.Text),
        ["commonMac"] = new("(?:(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2})", ValueConversion.Text),
        ["mac"] = new("(?:%{ciscoMac}|%{windowsMac}|%{commonMac})", ValueConversion.Text),
        ["ipv4"] = new($"(?<![0-9])(?:{Octet}[.]{Octet}[.]{Octet}[.]{Octet})(?![0-9])", ValueConversion.Text),
        ["ipv6"] = new(Ipv6, ValueConversion.Text),
        ["ip"] = new("(?:%{ipv6}|%{ipv4})", ValueConversion.Text),
        ["hostname"] = new(@"\b(?:[0-9A-Za-z][0-9A-Za-z-_]{0,62})(?:\.(?:[0-9A-Za-z][0-9A-Za-z-_]{0,62}))*(?:\.?|\b)", ValueConversion.Text),
        ["host"] = new("%{hostname}", ValueConversion.Text),
        ["ipOrHost"] = new("(?:%{ip}|%{host})", ValueConversion.Text),
        ["port"] = new(@"[1-9][0-9]{0,4}", ValueConversion.Text),
        ["data"] = new(".*?", ValueConversion.Text),
        ["greedyData"] = new(".*", ValueConversion.Text),
        ["space"] = new(@"\s+", ValueConversion.Text),
        ["user"] = new(@"[\w.-]+", ValueConversion.Text),
        ["hostPort"] = new("%{ipOrHost}:%{port}", ValueConversion.Text),
        ["unixPath"] = new(@"(?>/(?>[\w_%!$@:.,~-]+|\\.)*)+", ValueConversion.Text),
        ["winPath"] = new(@"(?>[A-Za-z]+:|\\)(?:\\[^\\?*]*)+", ValueConversion.Text),
        ["path"] = new("(?:%{unixPath}|%{winPath})", ValueConversion.Text),
        ["tty"] = new(@"(?:/dev/(?:pts|tty(?:[pq])?)(?:\w+)?/?(?:[0-9]+))", ValueConversion.Text),
        ["uriProto"] = new(@"[A-Za-z]+(?:\+[A-Za-z+]+)?", ValueConversion.Text),
        ["uriHost"] = new("%{ipOrHost}(?::%{port})?", ValueConversion.Text),
        ["uriPath"] = new(@"(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%_\-]*)+", ValueConversion.Text),
        ["uriParam"] = new(@"\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\-\[\]]*", ValueConversion.Text),
        ["uriPathParam"] = new("%{uriPath}(?:%{uriParam})?", ValueConversion.Text),
        ["uri"] = new("%{uriProto}://(?:%{user}(?::[^@]*)?@)?(?:%{uriHost})?(?:%{uriPathParam})?", ValueConversion.Text),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The matchers that take arguments; their patterns are built from the arguments.</summary>
    public static readonly IReadOnlyList<string> WithArguments = ["date", "regex", "boolean"];

    /// <summary>
    /// The node a rule gets for <c>%{name}</c> under <paramref name="flags"/> (the generator compares a pattern with the
    /// default-flag expansion to call the engine's hand-written matcher instead of emitting one).
    /// </summary>
    public static Node Expand(string name, PatternFlags flags) => PatternParser.Parse(All[name].Pattern, new ExpandingHost(), flags: flags);

    private sealed class ExpandingHost : IPatternHost
    {
        public Node ExpandToken(GrokTokenSyntax token, int offset, int length, PatternFlags flags) =>
            new OriginNode($"%{{{token.Matcher.Name}}}", Expand(token.Matcher.Name, flags));

        public int DeclareNamedGroup(string name, int offset) => throw new InvalidOperationException("built-in patterns have no named groups");
    }

    public static string KnownNames => string.Join(", ", WithArguments.Concat(All.Keys.Where(k => !k.EndsWith("Mac", StringComparison.Ordinal))).OrderBy(n => n, StringComparer.Ordinal));
}
