namespace GrokFlow.Language.Model;

/// <summary>
/// The header list of <c>csv("h1,h2")</c>: comma-separated names, each dotted segments starting with a letter, then
/// letters, digits or <c>_</c>. Datadog's docs allow no dots, but its engine nests dotted headers
/// (<c>syslog.hostname</c>) as the nagios integration's recorded results show.
/// </summary>
internal static class CsvHeaders
{
    public static string[] Split(string headers) => headers.Split(',');

    /// <summary>Null when the list is valid, else what is wrong with it.</summary>
    public static string? Check(string headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Split(headers))
        {
            if (name.Length == 0) return $"the headers \"{headers}\" hold an empty name";
            if (!name.Split('.').All(IsName))
                return $"the header '{name}' must start with a letter and hold only letters, digits, '_' and dots between names";
            if (!seen.Add(name)) return $"the header '{name}' appears twice";
        }
        return null;
    }

    private static bool IsName(string segment) =>
        segment.Length > 0 && char.IsAsciiLetter(segment[0]) && segment.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
