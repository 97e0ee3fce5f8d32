namespace GrokFlow.Runtime.Routing;

/// <summary>A pipeline filter the router cannot read; the message names the query and the position.</summary>
internal sealed class SearchQuerySyntaxException(string query, int position, string problem)
    : FormatException($"filter \"{query}\" at position {position + 1}: {problem}");
