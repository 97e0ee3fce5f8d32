namespace GrokFlow.Dsl.Values.Structured;

/// <summary>The header list of <c>csv("h1,h2")</c>: comma-separated names starting with a letter, then letters, digits or <c>_</c>.</summary>
internal static class CsvHeaders
{
    public static string[] Split(string headers) => headers.Split(',');

    /// <summary>Null when the list is valid, else what is wrong with it.</summary>
    public static string? Check(string headers)
    {
        var names = Split(headers);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Length == 0) return $"the headers \"{headers}\" hold an empty name";
            if (!char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                return $"the header '{name}' must start with a letter and hold only letters, digits and '_'";
            if (!seen.Add(name)) return $"the header '{name}' appears twice";
        }
        return null;
    }
}
