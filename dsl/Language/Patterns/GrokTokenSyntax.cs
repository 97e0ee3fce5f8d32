using GrokFlow.Language.Model;

namespace GrokFlow.Language.Patterns;

/// <summary>An argument of a matcher or filter: a string, a number, true/false/null, or a nested function (filter).</summary>
public abstract record GrokArgument;
public sealed record StringArgument(string Value) : GrokArgument;
public sealed record NumberArgument(double Value, bool IsInteger) : GrokArgument;
public sealed record BooleanArgument(bool Value) : GrokArgument;
public sealed record NullArgument : GrokArgument;
public sealed record FunctionArgument(GrokFunction Function) : GrokArgument;

/// <summary>A name with optional arguments: <c>date("MM/dd/yyyy")</c>, <c>scale(10)</c>, <c>integer</c>.</summary>
public sealed record GrokFunction(string Name, EquatableArray<GrokArgument> Arguments, bool HasParentheses)
{
    public override string ToString() => HasParentheses ? $"{Name}({string.Join(", ", Arguments)})" : Name;
}

/// <summary>
/// <c>%{matcher(args):path:filter(args)}</c>. <see cref="Path"/> is null when there is no extract name; an empty path
/// with a filter means "merge the filter's object result at the root".
/// </summary>
public sealed record GrokTokenSyntax(GrokFunction Matcher, EquatableArray<string>? Path, GrokFunction? Filter);
