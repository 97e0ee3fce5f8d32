using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Patterns;


namespace GrokFlow.Language.Compilation;

/// <summary>Checks a token's filter and its arguments.</summary>
internal static class FilterCompiler
{
    private const string Known = "number, integer, numberExt, integerExt, boolean, nullIf(\"value\"), lowercase, uppercase, scale(factor), " +
                                 "json, rubyhash, keyvalue(...), querystring, decodeuricomponent, xml, csv(\"headers\"...), array(...), url, useragent";

    public static FilterModel? Compile(GrokFunction filter, out (string Code, string Message)? error)
    {
        (string Code, string Message)? problem = null;
        var args = filter.Arguments;
        FilterModel? result = filter.Name switch
        {
            "number" => NoArgs(new NumericFilter(NumericKind.Number)),
            "integer" => NoArgs(new NumericFilter(NumericKind.Integer)),
            "numberExt" => NoArgs(new NumericFilter(NumericKind.NumberExt)),
            "integerExt" => NoArgs(new NumericFilter(NumericKind.IntegerExt)),
            "boolean" => NoArgs(new BooleanFilter()),
            "lowercase" => NoArgs(new CaseFilter(Upper: false)),
            "uppercase" => NoArgs(new CaseFilter(Upper: true)),
            "nullIf" => args is [StringArgument s] ? new NullIfFilter(s.Value) : Bad("nullIf(\"value\")"),
            "scale" => args is [NumberArgument n] ? new ScaleFilter(n.Value) : Bad("scale(factor) with a number"),
            "json" => NoArgs(new JsonFilter()),
            "rubyhash" => NoArgs(new RubyHashFilter()),
            "querystring" => NoArgs(new QueryStringFilter()),
            "decodeuricomponent" => NoArgs(new DecodeUriComponentFilter()),
            "xml" => NoArgs(new XmlFilter()),
            "url" => NoArgs(new UrlFilter()),
            "keyvalue" => KeyValue(),
            "csv" => Csv(),
            "array" => Array(),
            "useragent" => UserAgent(),
            _ => null,
        };
        if (result is null && problem is null)
            problem = (DiagnosticCodes.UnknownFilter, $"unknown filter '{filter.Name}': expected one of {Known}");
        error = problem;
        return result;

        FilterModel? NoArgs(FilterModel model)
        {
            if (args.Length == 0) return model;
            problem = (DiagnosticCodes.BadArguments, $"filter '{filter.Name}' takes no arguments");
            return null;
        }

        FilterModel? Bad(string expected)
        {
            problem = (DiagnosticCodes.BadArguments, $"invalid arguments for filter '{filter}': expected {expected}");
            return null;
        }

        FilterModel? BadWhy(string why)
        {
            problem = (DiagnosticCodes.BadArguments, $"invalid arguments for filter '{filter}': {why}");
            return null;
        }

        FilterModel? KeyValue()
        {
            const string form = "keyvalue([\"separator\"[, \"allowList\"[, \"quotes\"[, \"delimiters\"]]]]) with double-quoted strings";
            if (args.Length > 4 || args.Any(a => a is not StringArgument)) return Bad(form);
            var strings = args.Select(a => ((StringArgument)a).Value).ToArray();
            var model = new KeyValueFilter(
                strings.Length > 0 ? strings[0] : KeyValueFilter.Default.Separator,
                strings.Length > 1 ? strings[1] : "",
                strings.Length > 2 ? strings[2] : "",
                strings.Length > 3 ? strings[3] : "");
            return KeyValueSyntax.Create(model, out var why) is null ? BadWhy(why!) : model;
        }

        FilterModel? Csv()
        {
            const string form = "csv(\"header1,header2\"[, \"separator\"[, \"quote\"]]) with double-quoted strings";
            if (args.Length is < 1 or > 3 || args.Any(a => a is not StringArgument)) return Bad(form);
            var strings = args.Select(a => ((StringArgument)a).Value).ToArray();
            var separator = ',';
            if (strings.Length > 1)
            {
                if (strings[1] == "tab") separator = '\t';
                else if (strings[1].Length == 1) separator = strings[1][0];
                else return BadWhy($"the separator must be one character or \"tab\", got \"{strings[1]}\"");
            }
            var quote = '"';
            if (strings.Length > 2)
            {
                if (strings[2].Length != 1) return BadWhy($"the quoting character must be one character, got \"{strings[2]}\"");
                quote = strings[2][0];
            }
            if (quote == separator) return BadWhy($"the separator and the quoting character are both '{quote}'");
            if (CsvHeaders.Check(strings[0]) is { } headerProblem) return BadWhy(headerProblem);
            return new CsvFilter(strings[0], separator, quote);
        }

        FilterModel? Array()
        {
            const string form = "array, array(filter), array(\"separator\"[, filter]) or array(\"brackets\", \"separator\"[, filter])";
            var strings = args.TakeWhile(a => a is StringArgument).Select(a => ((StringArgument)a).Value).ToArray();
            var rest = args.Skip(strings.Length).ToArray();
            if (strings.Length > 2 || rest.Length > 1 || rest is [not FunctionArgument]) return Bad(form);
            var brackets = strings.Length == 2 ? strings[0] : "[]";
            var separator = strings.Length == 0 ? "," : strings[^1];
            if (brackets.Length > 2) return BadWhy($"the brackets must be \"\", one character or an open/close pair like \"[]\", got \"{brackets}\"");
            if (separator.Length == 0) return BadWhy("the separator must not be empty");
            FilterModel? element = null;
            if (rest is [FunctionArgument sub])
            {
                element = Compile(sub.Function, out var subError);
                if (element is null)
                {
                    problem = (subError!.Value.Code, $"in the element filter of '{filter}': {subError.Value.Message}");
                    return null;
                }
            }
            var open = brackets.Length == 0 ? "" : brackets[..1];
            var close = brackets.Length == 0 ? "" : brackets[^1..];
            return new ArrayFilter(open, close, separator, element);
        }

        FilterModel? UserAgent()
        {
            const string form = "useragent, useragent(true|false) or useragent(\"decodeuricomponent:true|false\")";
            return args switch
            {
                [] => new UserAgentFilter(false),
                [BooleanArgument b] => new UserAgentFilter(b.Value),
                [StringArgument { Value: "decodeuricomponent:true" }] => new UserAgentFilter(true),
                [StringArgument { Value: "decodeuricomponent:false" }] => new UserAgentFilter(false),
                _ => Bad(form),
            };
        }
    }

    /// <summary>
    /// Whether the filter can give an object, so that <c>%{m::filter}</c> (an empty extract path) merges its result at
    /// the root. Other filters at the root give nothing (their value would be discarded).
    /// </summary>
    public static bool MayProduceObject(FilterModel filter) =>
        filter is JsonFilter or RubyHashFilter or KeyValueFilter or QueryStringFilter or XmlFilter or CsvFilter or UrlFilter or UserAgentFilter;
}
