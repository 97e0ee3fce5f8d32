using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary><c>env:prod</c>: some <c>key:value</c> tag has this key (case-insensitive) and a value the test accepts.</summary>
internal sealed class TagQuery(string key, SearchValueTest test) : SearchQuery
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public override bool Matches(scoped in SearchEvent e)
    {
        var tags = e.Fields;
        for (var i = 0; i < tags.TagCount; i++)
        {
            var tag = tags.Tag(i);
            var colon = tag.IndexOf((byte)':');
            if (colon == _key.Length && Utf8Text.Equal(tag[..colon], _key, ignoreCase: true) && test.MatchesText(tag[(colon + 1)..]))
                return true;
        }
        return false;
    }

    public override string ToString() => $"{key}:{test}";
}
