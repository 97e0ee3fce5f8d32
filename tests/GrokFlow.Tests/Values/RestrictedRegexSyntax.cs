namespace GrokFlow.Tests.Values;

/// <summary>
/// Checks that a regex stays within the subset the project's regex parser is promised: literal characters (metachars
/// escaped), <c>[...]</c> classes, <c>{n}</c>/<c>{n,m}</c>, <c>(?:...|...)</c> and <c>?</c>, and no shorthand such as
/// <c>\d</c>. Returns null when it does, else what is wrong.
/// </summary>
internal static class RestrictedRegexSyntax
{
    private const string Metacharacters = "\\.*+?|{}[]()^$";

    public static string? Check(string regex)
    {
        var position = 0;
        var problem = Sequence(regex, ref position, depth: 0);
        return problem ?? (position == regex.Length ? null : $"unexpected '{regex[position]}' at {position}");
    }

    private static string? Sequence(string regex, ref int position, int depth)
    {
        while (position < regex.Length)
        {
            var c = regex[position];
            if (c == ')' || c == '|') return depth > 0 ? null : $"'{c}' outside a group at {position}";
            var problem = c switch
            {
                '(' => Group(regex, ref position, depth),
                '[' => Class(regex, ref position),
                '\\' => Escape(regex, ref position, Metacharacters),
                _ when Metacharacters.Contains(c) => $"unescaped '{c}' at {position}",
                _ => Advance(ref position),
            };
            if (problem is not null) return problem;
            problem = Quantifier(regex, ref position);
            if (problem is not null) return problem;
        }

        return null;
    }

    private static string? Group(string regex, ref int position, int depth)
    {
        if (!regex.AsSpan(position).StartsWith("(?:")) return $"only (?:...) groups are allowed, at {position}";
        position += 3;
        while (true)
        {
            var problem = Sequence(regex, ref position, depth + 1);
            if (problem is not null) return problem;
            if (position >= regex.Length) return "unclosed group";
            if (regex[position++] == ')') return null;
        }
    }

    private static string? Class(string regex, ref int position)
    {
        var start = position++;
        if (position < regex.Length && regex[position] == '^') position++;
        var members = 0;
        while (position < regex.Length && regex[position] != ']')
        {
            if (regex[position] == '\\')
            {
                var problem = Escape(regex, ref position, "\\-]^[");
                if (problem is not null) return problem;
            }
            else if (regex[position] == '-' && members > 0 && position + 1 < regex.Length && regex[position + 1] != ']')
            {
                position++; // a range such as 0-9
            }
            else
            {
                position++;
            }

            members++;
        }

        if (position >= regex.Length) return $"unclosed class starting at {start}";
        position++;
        return members == 0 ? $"empty class at {start}" : null;
    }

    private static string? Escape(string regex, ref int position, string allowed)
    {
        if (position + 1 >= regex.Length) return "trailing backslash";
        var escaped = regex[position + 1];
        if (!allowed.Contains(escaped)) return $"escape \\{escaped} at {position} is outside the allowed syntax";
        position += 2;
        return null;
    }

    private static string? Quantifier(string regex, ref int position)
    {
        if (position >= regex.Length) return null;
        if (regex[position] == '?')
        {
            position++;
            return null;
        }

        if (regex[position] != '{') return null;
        var close = regex.IndexOf('}', position);
        if (close < 0) return $"unclosed quantifier at {position}";
        var body = regex[(position + 1)..close].Split(',');
        if (body.Length is < 1 or > 2 || body.Any(part => part.Length == 0 || !part.All(char.IsAsciiDigit)))
            return $"quantifier {{{regex[(position + 1)..close]}}} at {position} is not {{n}} or {{n,m}}";
        position = close + 1;
        return null;
    }

    private static string? Advance(ref int position)
    {
        position++;
        return null;
    }
}
