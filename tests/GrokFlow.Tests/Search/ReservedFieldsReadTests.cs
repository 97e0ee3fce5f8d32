using GrokFlow.Engine.Search;

namespace GrokFlow.Tests.Search;

/// <summary>
/// A query asks an <see cref="ISearchableEvent"/> only for the reserved fields it reads
/// (<see cref="SearchQuery.ReservedFieldsRead"/>): its answer must be the one it gives with every field read.
/// </summary>
public sealed class ReservedFieldsReadTests
{
    [Theory]
    [InlineData("@http.status_code:[200 TO 299]", ReservedFieldSet.None)]
    [InlineData("env:prod tags:beta", ReservedFieldSet.None)]
    [InlineData("service:qnap-nas", ReservedFieldSet.Service)]
    [InlineData("refused", ReservedFieldSet.Message)]
    [InlineData("source:qnap OR (host:nas01 -status:info)", ReservedFieldSet.Source | ReservedFieldSet.Host | ReservedFieldSet.Status)]
    [InlineData("NOT service:x AND \"connection refused\" @usr.name:Alice", ReservedFieldSet.Service | ReservedFieldSet.Message)]
    [InlineData("", ReservedFieldSet.None)]
    public void The_fields_a_query_reads(string query, ReservedFieldSet expected) =>
        Assert.Equal(expected, SearchQueryParser.Parse(query).ReservedFieldsRead);

    [Theory]
    [InlineData("@http.status_code:[400 TO 499]")]
    [InlineData("service:qnap-nas")]
    [InlineData("-service:qnap-nas")]
    [InlineData("refused -status:info")]
    [InlineData("host:nas01 OR source:other")]
    [InlineData("status:error @http.method:GET env:prod")]
    [InlineData("NOT (hello OR service:q*)")]
    public void Reading_only_those_fields_gives_the_answer_of_reading_all(string text)
    {
        var query = SearchQueryParser.Parse(text);
        foreach (var e in new[] { SearchEvents.Rich, SearchEvents.Bare })
            Assert.Equal(query.Matches(SearchEvent.From(e, ReservedFieldSet.All)), query.Matches(e));
    }
}
