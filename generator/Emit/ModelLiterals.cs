using System.Collections;
using System.Reflection;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Writes model values (a pipeline's checked steps, a rule's captures with their conversions and filters) as the C#
/// that rebuilds them, one constructor call per record with named arguments, so the generated file reads like the
/// .rules file it came from. Records are written through their primary constructor: every model record's constructor
/// parameters are its properties. A rule's matching tree is written the same way, for a rule the generator cannot
/// match: the engine translates it to a .NET regex at run time.
/// </summary>
internal static class ModelLiterals
{
    public static void Write(CodeWriter w, IReadOnlyList<StepModel> steps, string terminator)
    {
        w.Line("    [");
        foreach (var step in steps)
        {
            w.Line($"        // {step.Type}{(step.Name is null ? "" : " \"" + CSharpLiterals.CommentText(step.Name) + "\"")} (line {step.Line}){(step.Enabled ? "" : ", disabled")}");
            w.Line("        " + Value(step) + ",");
        }
        w.Line("    ]" + terminator);
    }

    public static string Value(object? value)
    {
        if (value is null) return "null";
        var type = value.GetType();
        if (type == typeof(string)) return CSharpLiterals.String((string)value);
        if (type == typeof(bool)) return (bool)value ? "true" : "false";
        if (type == typeof(int)) return ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(double)) return CSharpLiterals.Double((double)value);
        if (type == typeof(char)) return $"(char){(int)(char)value}";
        if (type.IsEnum) return $"{type.Name}.{value}";
        if (value is CharSet set) return $"CharSet.Of({string.Join(", ", set.Ranges.Select(r => $"({r.First}, {r.Last})"))})";
        // EquatableArray and ImmutableArray: a collection expression, typed by the parameter it is passed to.
        if (type.IsGenericType && type.GetGenericTypeDefinition().Name is "EquatableArray`1" or "ImmutableArray`1")
            return $"[{string.Join(", ", ((IEnumerable)value).Cast<object?>().Select(Value))}]";
        return Record(value, type);
    }

    private static string Record(object value, Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var property = type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                           ?? throw new InvalidOperationException($"{type.Name} has no property for parameter {p.Name}");
            return $"{p.Name}: {Value(property.GetValue(value))}";
        });
        return $"new {type.Name}({string.Join(", ", arguments)})";
    }
}
