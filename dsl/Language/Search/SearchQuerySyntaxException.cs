namespace GrokFlow.Language.Search;

/// <summary>A search query that cannot be read; the message names the query, the 1-based position and the problem.</summary>
public sealed class SearchQuerySyntaxException(string query, int position, string problem)
    : FormatException($"filter \"{query}\" at position {position + 1}: {problem}")
{
    /// <summary>The query as written.</summary>
    public string Query { get; } = query;

    /// <summary>The 0-based index in <see cref="Query"/> where reading failed.</summary>
    public int Position { get; } = position;

    /// <summary>What is wrong, without the query and position.</summary>
    public string Problem { get; } = problem;
}
