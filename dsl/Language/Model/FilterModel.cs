namespace GrokFlow.Language.Model;

/// <summary>A checked filter applied to a matcher's value (the part after the second ':' of a token).</summary>
public abstract record FilterModel(string Name);

/// <summary><c>number</c>, <c>integer</c>, <c>numberExt</c>, <c>integerExt</c> as filters.</summary>
public sealed record NumericFilter(NumericKind Kind) : FilterModel(Kind switch
{
    NumericKind.Integer => "integer",
    NumericKind.Number => "number",
    NumericKind.IntegerExt => "integerExt",
    _ => "numberExt",
});

/// <summary><c>boolean</c>: true and false, ignoring case.</summary>
public sealed record BooleanFilter() : FilterModel("boolean");

/// <summary><c>nullIf("value")</c>: no value when the text equals <see cref="Value"/>.</summary>
public sealed record NullIfFilter(string Value) : FilterModel("nullIf");

/// <summary><c>lowercase</c> / <c>uppercase</c>.</summary>
public sealed record CaseFilter(bool Upper) : FilterModel(Upper ? "uppercase" : "lowercase");

/// <summary><c>scale(factor)</c>: the numeric value times the factor, a double.</summary>
public sealed record ScaleFilter(double Factor) : FilterModel("scale");

/// <summary><c>json</c>: the text parsed as JSON; objects' dotted keys nest.</summary>
public sealed record JsonFilter() : FilterModel("json");

/// <summary><c>rubyhash</c>: a Ruby hash literal (<c>{a =&gt; "b", :c =&gt; 1, d: nil}</c>) as an object.</summary>
public sealed record RubyHashFilter() : FilterModel("rubyhash");

/// <summary>
/// <c>keyvalue([separator[, allowList[, quotes[, delimiters]]]])</c> (grok-dialect spec section 6).
/// <see cref="AllowList"/> is a regex character-class fragment added to <c>\w.\-_@</c>; <see cref="Quotes"/> is one
/// open/close pair, or empty for the defaults <c>""</c>, <c>''</c>, <c>&lt;&gt;</c>; <see cref="Delimiters"/> is one
/// character (both sides) or two (left, right), or empty for the defaults (white space, <c>,</c>, <c>;</c> and brackets).
/// </summary>
public sealed record KeyValueFilter(string Separator, string AllowList, string Quotes, string Delimiters) : FilterModel("keyvalue")
{
    public static readonly KeyValueFilter Default = new("=", "", "", "");
}

/// <summary><c>querystring</c>: <c>?a=1&amp;b=2</c> as an object of decoded strings; repeated keys make arrays.</summary>
public sealed record QueryStringFilter() : FilterModel("querystring");

/// <summary><c>decodeuricomponent</c>: percent-decoding (<c>%2F</c> is <c>/</c>; <c>+</c> stays).</summary>
public sealed record DecodeUriComponentFilter() : FilterModel("decodeuricomponent");

/// <summary><c>xml</c>: the document as an object (attributes as keys, text under <c>value</c> beside attributes).</summary>
public sealed record XmlFilter() : FilterModel("xml");

/// <summary>
/// <c>csv("h1,h2"[, separator[, quote]])</c>: the values under the header keys. <see cref="Separator"/> and
/// <see cref="Quote"/> are single characters (<c>"tab"</c> has already become a tab).
/// </summary>
public sealed record CsvFilter(string Headers, char Separator, char Quote) : FilterModel("csv");

/// <summary>
/// <c>array([[brackets, ] separator][, filter])</c>: the text split into an array, each element through
/// <see cref="Element"/> when there is one. <see cref="Open"/>/<see cref="Close"/> are empty for no brackets; the
/// brackets are optional in the text (Datadog splits unbracketed text too).
/// </summary>
public sealed record ArrayFilter(string Open, string Close, string Separator, FilterModel? Element) : FilterModel("array");

/// <summary><c>url</c>: <c>{scheme, host, port, path, queryString, hash, auth}</c>, the parts that are there.</summary>
public sealed record UrlFilter() : FilterModel("url");

/// <summary><c>useragent([decodeuricomponent])</c>: browser, os and device families and versions.</summary>
public sealed record UserAgentFilter(bool DecodeUriComponent) : FilterModel("useragent");
