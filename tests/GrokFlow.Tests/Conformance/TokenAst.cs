using System.Text.Json.Nodes;
using GrokFlow.Language.Patterns;

namespace GrokFlow.Tests.Conformance;

/// <summary>A parsed <c>%{...}</c> token in the JSON shape of the corpus' <c>expected_ast</c>.</summary>
public static class TokenAst
{
    /// <summary>Parses a rule that is exactly one token; null when it does not parse.</summary>
    public static JsonObject? Parse(string rule, out string? error)
    {
        error = null;
        if (!rule.StartsWith("%{", StringComparison.Ordinal) || !rule.EndsWith('}'))
        {
            error = "the rule is not a single %{...} token";
            return null;
        }
        var token = GrokTokenParser.Parse(rule[2..^1], out error, out _);
        if (token is null) return null;
        return new JsonObject
        {
            ["matcher"] = Function(token.Matcher),
            ["path"] = token.Path is { } path ? new JsonArray([.. path.Select(s => (JsonNode)JsonValue.Create(s))]) : null,
            ["filter"] = token.Filter is { } filter ? Function(filter) : null,
        };
    }

    public static JsonObject Function(GrokFunction f) => new()
    {
        ["name"] = f.Name,
        ["args"] = f.HasParentheses ? new JsonArray([.. f.Arguments.Select(Argument)]) : null,
    };

    private static JsonNode? Argument(GrokArgument a) => a switch
    {
        StringArgument s => JsonValue.Create(s.Value),
        NumberArgument n => JsonValue.Create(n.Value),
        BooleanArgument b => JsonValue.Create(b.Value),
        NullArgument => null,
        FunctionArgument f => Function(f.Function),
        _ => throw new ArgumentException($"unknown argument {a}", nameof(a)),
    };
}
