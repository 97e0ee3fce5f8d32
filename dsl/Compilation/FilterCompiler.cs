using GrokFlow.Dsl.Diagnostics;
using GrokFlow.Dsl.Model;
using GrokFlow.Dsl.Patterns;

namespace GrokFlow.Dsl.Compilation;

/// <summary>Checks a token's filter and its arguments.</summary>
internal static class FilterCompiler
{
    private static readonly string[] Structured =
        ["json", "rubyhash", "keyvalue", "querystring", "decodeuricomponent", "xml", "csv", "array", "url", "useragent"];

    private const string Known = "number, integer, numberExt, integerExt, boolean, nullIf(\"value\"), lowercase, uppercase, scale(factor)";

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
            _ => null,
        };
        if (result is null && problem is null)
        {
            problem = Array.IndexOf(Structured, filter.Name) >= 0
                ? (DiagnosticCodes.Unsupported, $"filter '{filter.Name}' is not supported yet (structured filters come with Datadog pipeline import); supported: {Known}")
                : (DiagnosticCodes.UnknownFilter, $"unknown filter '{filter.Name}': expected one of {Known}");
        }
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
    }
}
