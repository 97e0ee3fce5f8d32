using GrokFlow.Engine.Search;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// An <see cref="EventDocument"/> (or one object inside it) as a search query sees it, without allocating per event.
/// At the top level: the reserved fields are the official values when a remapper set them, else the attributes
/// <c>service</c>, <c>ddsource</c>/<c>source</c> (else the <c>source:</c> tag), <c>hostname</c>/<c>host</c>, <c>status</c>, <c>message</c>; the tags
/// are the event's tags. Inside an array element (an array processor's <c>select</c> filter, which Datadog writes
/// without <c>@</c>: <c>type:User</c>), the element's scalar members also serve as <c>key:value</c> tags.
/// One per document; not thread-safe.
/// </summary>
internal sealed class DocumentSearchView : ISearchableEvent
{
    private static readonly AttributePath Service = new("service");
    private static readonly AttributePath DdSource = new("ddsource");
    private static readonly AttributePath Source = new("source");
    private static readonly AttributePath Hostname = new("hostname");
    private static readonly AttributePath Host = new("host");
    private static readonly AttributePath Status = new("status");
    private static readonly AttributePath Message = new("message");

    private readonly EventDocument _document;
    private int _scope = EventDocument.Root;
    private byte[] _scopeTags = new byte[256];
    private (int Start, int Length)[] _scopeTagBounds = new (int, int)[16];
    private int _scopeTagCount;

    public DocumentSearchView(EventDocument document) => _document = document;

    /// <summary>Points the view at <paramref name="scope"/> (the root, or an object inside the document).</summary>
    public DocumentSearchView At(int scope)
    {
        _scope = scope;
        _scopeTagCount = 0;
        if (scope != EventDocument.Root) CollectScopeTags();
        return this;
    }

    public ReadOnlySpan<byte> Reserved(SearchReservedField field)
    {
        if (_scope == EventDocument.Root)
        {
            var official = _document.Official;
            if (field == SearchReservedField.Service && official.Service is { } service) return _document.Stored(service);
            if (field == SearchReservedField.Status && official.Status is { } status) return _document.Stored(status);
        }
        return field switch
        {
            SearchReservedField.Service => Text(Service),
            SearchReservedField.Source => SourceText(),
            SearchReservedField.Host => Text(Hostname, Host),
            SearchReservedField.Status => Text(Status),
            _ => Text(Message),
        };
    }

    public int TagCount => _scope == EventDocument.Root ? _document.TagCount : _scopeTagCount;

    public ReadOnlySpan<byte> Tag(int index) =>
        _scope == EventDocument.Root ? _document.Tag(index) : _scopeTags.AsSpan(_scopeTagBounds[index].Start, _scopeTagBounds[index].Length);

    public bool AnyAttributeValue(SearchAttributePath path, ISearchValueMatcher matcher) => Visit(_scope, path, 0, matcher);

    private FirstPassedTest? _firstPassed;

    /// <summary>
    /// The index of the first of <paramref name="tests"/> that some value at <paramref name="path"/> passes, or -1:
    /// what asking <see cref="AnyAttributeValue"/> with each test in turn gives, with the path looked up once.
    /// </summary>
    public int FirstPassed(SearchAttributePath path, SearchValueTest[] tests)
    {
        var first = _firstPassed ??= new FirstPassedTest();
        first.Start(tests);
        Visit(_scope, path, 0, first);
        return first.Best;
    }

    private bool Visit(int node, SearchAttributePath path, int segment, ISearchValueMatcher matcher)
    {
        if (segment == path.SegmentCount) return VisitValue(node, matcher);
        switch (_document.KindOf(node))
        {
            case EventValueKind.Object:
                for (var last = segment; last < path.SegmentCount; last++)
                {
                    // The next segment, or a flat key holding several segments with their dots ("http.status_code").
                    var child = FindJoined(node, path, segment, last);
                    if (child != EventDocument.None && Visit(child, path, last + 1, matcher)) return true;
                }
                return false;
            case EventValueKind.Array:
                for (var element = _document.FirstChild(node); element != EventDocument.None; element = _document.NextSibling(element))
                {
                    if (Visit(element, path, segment, matcher)) return true;
                }
                return false;
            default:
                return false;
        }
    }

    private int FindJoined(int obj, SearchAttributePath path, int first, int last) =>
        _document.Find(obj, first == last ? path.SegmentUtf8(first) : path.JoinedUtf8(first, last));

    private bool VisitValue(int node, ISearchValueMatcher matcher)
    {
        switch (_document.KindOf(node))
        {
            case EventValueKind.Array:
                for (var element = _document.FirstChild(node); element != EventDocument.None; element = _document.NextSibling(element))
                {
                    if (VisitValue(element, matcher)) return true;
                }
                return false;
            case EventValueKind.Object: return matcher.Matches(SearchValue.Object);
            case EventValueKind.String: return matcher.Matches(SearchValue.String(_document.TextOf(node)));
            case EventValueKind.Number:
                return _document.TryGetDouble(node, out var number) && matcher.Matches(SearchValue.FromNumber(number, _document.TextOf(node)));
            case EventValueKind.True: return matcher.Matches(SearchValue.FromBoolean(true));
            case EventValueKind.False: return matcher.Matches(SearchValue.FromBoolean(false));
            default: return matcher.Matches(SearchValue.Null);
        }
    }

    // The intake's source: the ddsource (or source) attribute, else the event's source tag.
    private ReadOnlySpan<byte> SourceText()
    {
        var text = Text(DdSource, Source);
        if (text.IsEmpty && _scope == EventDocument.Root && _document.TryGetTagValue("source"u8, out var tagged)) return tagged;
        return text;
    }

    private ReadOnlySpan<byte> Text(AttributePath path, AttributePath? alternative = null)
    {
        var node = _document.Find(path, _scope);
        if (node == EventDocument.None && alternative is not null) node = _document.Find(alternative, _scope);
        if (node == EventDocument.None) return [];
        var kind = _document.KindOf(node);
        return kind is EventValueKind.String or EventValueKind.Number ? _document.TextOf(node) : [];
    }

    private void CollectScopeTags()
    {
        if (_document.KindOf(_scope) != EventValueKind.Object) return;
        var used = 0;
        for (var member = _document.FirstChild(_scope); member != EventDocument.None; member = _document.NextSibling(member))
        {
            var kind = _document.KindOf(member);
            if (kind is not (EventValueKind.String or EventValueKind.Number)) continue;
            var key = _document.KeyOf(member);
            var value = _document.TextOf(member);
            var size = key.Length + 1 + value.Length;
            if (used + size > _scopeTags.Length) Array.Resize(ref _scopeTags, Math.Max(_scopeTags.Length * 2, used + size));
            if (_scopeTagCount == _scopeTagBounds.Length) Array.Resize(ref _scopeTagBounds, _scopeTagBounds.Length * 2);
            key.CopyTo(_scopeTags.AsSpan(used));
            _scopeTags[used + key.Length] = (byte)':';
            value.CopyTo(_scopeTags.AsSpan(used + key.Length + 1));
            _scopeTagBounds[_scopeTagCount++] = (used, size);
            used += size;
        }
    }
}
