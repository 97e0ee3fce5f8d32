using System.Text;
using GrokFlow.Engine.Search;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// A source's configured tags (<c>key:value</c> or bare), encoded once into UTF-8 for filter matching, plus the
/// comma-joined <c>ddtags</c> text Datadog expects. Events on the host have no attributes before a pipeline runs.
/// </summary>
internal sealed class EventTags : ISearchEventFields
{
    public static readonly EventTags None = new([]);

    private readonly byte[][] _tags;

    public EventTags(IReadOnlyList<string> tags)
    {
        Joined = string.Join(',', tags);
        _tags = tags.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The tags as the <c>ddtags</c> attribute: comma-separated.</summary>
    public string Joined { get; }

    public int TagCount => _tags.Length;

    public ReadOnlySpan<byte> Tag(int index) => _tags[index];

    public bool AnyAttributeValue(SearchAttributePath path, ISearchValueMatcher matcher) => false;
}
