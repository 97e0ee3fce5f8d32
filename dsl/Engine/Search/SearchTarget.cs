namespace GrokFlow.Engine.Search;

/// <summary>The key of a term (<c>service</c>, <c>env</c>, <c>tags</c>, <c>@http.status_code</c>): builds the term for a value test.</summary>
internal abstract class SearchTarget
{
    public abstract SearchQuery For(SearchValueTest test);

    /// <summary>The target a key names: <c>@path</c> an attribute, the reserved names a reserved field, <c>tags</c> any whole tag, else a tag key.</summary>
    public static SearchTarget Of(string key) => key.StartsWith('@')
        ? new Attribute(new SearchAttributePath(key[1..]))
        : key.ToLowerInvariant() switch
        {
            "service" => new Reserved(SearchReservedField.Service),
            "source" => new Reserved(SearchReservedField.Source),
            "host" => new Reserved(SearchReservedField.Host),
            "status" => new Reserved(SearchReservedField.Status),
            "tags" => new WholeTag(),
            _ => new Tag(key),
        };

    private sealed class Attribute(SearchAttributePath path) : SearchTarget
    {
        public override SearchQuery For(SearchValueTest test) => new AttributeQuery(path, test);
    }

    private sealed class Reserved(SearchReservedField field) : SearchTarget
    {
        public override SearchQuery For(SearchValueTest test) => new ReservedFieldQuery(field, test);
    }

    private sealed class WholeTag : SearchTarget
    {
        public override SearchQuery For(SearchValueTest test) => new WholeTagQuery(test);
    }

    private sealed class Tag(string key) : SearchTarget
    {
        public override SearchQuery For(SearchValueTest test) => new TagQuery(key, test);
    }
}
