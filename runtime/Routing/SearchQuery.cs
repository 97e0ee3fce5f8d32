namespace GrokFlow.Runtime.Routing;

/// <summary>A parsed pipeline filter (a Datadog search query) that decides whether a pipeline applies to an event.</summary>
internal abstract class SearchQuery
{
    public static readonly SearchQuery All = new MatchAllQuery();

    public abstract bool Matches(scoped in EventFacts facts);

    private sealed class MatchAllQuery : SearchQuery
    {
        public override bool Matches(scoped in EventFacts facts) => true;
        public override string ToString() => "*";
    }
}

internal sealed class AndQuery(SearchQuery left, SearchQuery right) : SearchQuery
{
    public override bool Matches(scoped in EventFacts facts) => left.Matches(facts) && right.Matches(facts);
    public override string ToString() => $"({left} AND {right})";
}

internal sealed class OrQuery(SearchQuery left, SearchQuery right) : SearchQuery
{
    public override bool Matches(scoped in EventFacts facts) => left.Matches(facts) || right.Matches(facts);
    public override string ToString() => $"({left} OR {right})";
}

internal sealed class NotQuery(SearchQuery inner) : SearchQuery
{
    public override bool Matches(scoped in EventFacts facts) => !inner.Matches(facts);
    public override string ToString() => $"NOT {inner}";
}

/// <summary>Which part of an event a <c>key:value</c> term looks at.</summary>
internal enum SearchField : byte { Service, Source, Host, Status, Tags, Tag }

/// <summary>
/// One <c>key:value</c> term: a reserved attribute (<c>service</c>, <c>source</c>, <c>host</c>, <c>status</c>), a whole
/// tag (<c>tags:beta</c>) or a <c>key:value</c> tag (<c>env:prod</c>).
/// </summary>
internal sealed class FieldQuery(SearchField field, byte[] tagKey, WildcardPattern value) : SearchQuery
{
    public override bool Matches(scoped in EventFacts facts) => field switch
    {
        SearchField.Service => value.IsMatch(facts.Service),
        SearchField.Source => value.IsMatch(facts.Source),
        SearchField.Host => value.IsMatch(facts.Host),
        SearchField.Status => value.IsMatch(facts.Status),
        SearchField.Tags => facts.Tags.AnyWhole(value),
        _ => facts.Tags.AnyValue(tagKey, value),
    };

    public override string ToString() => $"{field}{(field == SearchField.Tag ? "[" + System.Text.Encoding.UTF8.GetString(tagKey) + "]" : "")}:{value.Text}";
}
