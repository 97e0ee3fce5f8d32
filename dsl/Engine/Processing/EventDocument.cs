using System.Buffers.Text;
using System.Text.Json;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// One event while a pipeline's processors work on it: a mutable JSON object tree kept in two arrays (nodes and UTF-8
/// text) that are reused from event to event, so that processing allocates nothing after warm-up. Nodes are ints;
/// <see cref="Root"/> is the event's top-level object. Removed or replaced nodes stay in the arrays until
/// <see cref="Reset"/>. Besides the attributes, the event has tags and the official values set by the reserved-attribute
/// remappers (<see cref="Official"/>). Not thread-safe: one per worker.
/// </summary>
public sealed partial class EventDocument
{
    public const int Root = 0;
    public const int None = -1;

    private struct DocumentNode
    {
        public EventValueKind Kind;
        public int Parent;
        public int FirstChild;
        public int LastChild;
        public int Next;
        public int KeyStart;
        public int KeyLength;
        public ulong KeyWord;
        public ulong MemberBits;
        public int TextStart;
        public int TextLength;
    }

    private DocumentNode[] _nodes = new DocumentNode[64];
    private int _nodeCount;
    private byte[] _text = new byte[4096];
    private int _textLength;
    private (int Start, int Length)[] _tags = new (int, int)[16];

    /// <summary>Whether some member's name holds a dot: only then can a dotted path name a member by more than one segment.</summary>
    private bool _dottedNames;

    public EventDocument() => Reset();

    private DocumentSearchView? _searchView;

    /// <summary>The document as search queries see it (reused: one per document).</summary>
    internal DocumentSearchView SearchView => _searchView ??= new DocumentSearchView(this);

    /// <summary>The official date, status, service and trace id the remappers set on this event.</summary>
    public OfficialValues Official { get; } = new();

    /// <summary>How many tags the event has (<see cref="Tag"/>).</summary>
    public int TagCount { get; private set; }

    /// <summary>Empties the document to <c>{}</c> with no tags and no official values.</summary>
    public void Reset()
    {
        _nodeCount = 1;
        if (_namesToKeep.Count > 0) KeepNames();
        _textLength = _keptNamesLength;
        _asciiStart = _asciiEnd = 0;
        _dottedNames = false;
        TagCount = 0;
        _nodes[Root] = new DocumentNode { Kind = EventValueKind.Object, Parent = None, FirstChild = None, LastChild = None, Next = None };
        Official.Reset();
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    public EventValueKind KindOf(int node) => _nodes[node].Kind;
    public int Parent(int node) => _nodes[node].Parent;
    public int FirstChild(int node) => _nodes[node].FirstChild;
    public int NextSibling(int node) => _nodes[node].Next;
    public ReadOnlySpan<byte> KeyOf(int node) => _text.AsSpan(_nodes[node].KeyStart, _nodes[node].KeyLength);

    /// <summary>The text of a string (unescaped UTF-8) or the JSON text of a number; empty for other kinds.</summary>
    public ReadOnlySpan<byte> TextOf(int node) => _text.AsSpan(_nodes[node].TextStart, _nodes[node].TextLength);

    public int ChildCount(int node)
    {
        var count = 0;
        for (var child = _nodes[node].FirstChild; child != None; child = _nodes[child].Next) count++;
        return count;
    }

    /// <summary>The numeric value of a number node, or of a string node holding a number.</summary>
    public bool TryGetDouble(int node, out double value)
    {
        value = 0;
        var kind = _nodes[node].Kind;
        if (kind is not (EventValueKind.Number or EventValueKind.String)) return false;
        var text = TextOf(node);
        return Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;
    }

    /// <summary>Whether a number node's JSON text is an integer (no fraction or exponent).</summary>
    public bool IsIntegerNumber(int node) =>
        _nodes[node].Kind == EventValueKind.Number && TextOf(node).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    /// <summary>The member of object <paramref name="obj"/> named <paramref name="key"/>, or <see cref="None"/>.</summary>
    public int Find(int obj, ReadOnlySpan<byte> key) => Find(obj, key, KeyWordOf(key));

    /// <summary>
    /// The node at a dotted path: nested objects first (<c>a.b</c> is <c>{"a":{"b":...}}</c>); where a segment is not
    /// found, a member whose name holds the dots (<c>{"a.b":...}</c>) is tried, as Datadog's attribute lookup does.
    /// </summary>
    public int Find(AttributePath path, int from = Root) => Find(from, path, 0);

    private int Find(int obj, AttributePath path, int firstSegment)
    {
        // Longer names than one segment hold dots: none can match while no member's name holds one.
        var longest = _dottedNames ? path.SegmentCount - 1 : firstSegment;
        for (var last = firstSegment; last <= longest; last++)
        {
            var child = last == firstSegment
                ? Find(obj, path.Segment(firstSegment), path.SegmentWord(firstSegment))
                : Find(obj, path.Segments(firstSegment, last));
            if (child == None) continue;
            if (last == path.SegmentCount - 1) return child;
            var found = Find(child, path, last + 1);
            if (found != None) return found;
        }
        return None;
    }

    /// <summary>The tag at <paramref name="index"/>, <c>key:value</c> or a bare tag, as UTF-8.</summary>
    public ReadOnlySpan<byte> Tag(int index) => _text.AsSpan(_tags[index].Start, _tags[index].Length);

    /// <summary>The value of the first tag <c>key:value</c> with this key, or false.</summary>
    public bool TryGetTagValue(ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        var index = FindTag(key);
        value = index < 0 ? default : Tag(index).Slice(key.Length + 1);
        return index >= 0;
    }

    /// <summary>The index of the first tag <c>key:value</c> with this key, or -1.</summary>
    public int FindTag(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < TagCount; i++)
        {
            var tag = Tag(i);
            if (tag.Length > key.Length && tag[key.Length] == (byte)':' && tag.StartsWith(key)) return i;
        }
        return -1;
    }

    // ---- writing -------------------------------------------------------------------------------------------------

    /// <summary>
    /// The node at <paramref name="path"/>, created (as null) with any missing parent objects when absent. A parent
    /// that exists but is not an object is replaced by an empty object.
    /// </summary>
    public int GetOrCreate(AttributePath path, int from = Root)
    {
        // The nested members first: when they are all there, they are what Find gives.
        var obj = from;
        var i = 0;
        for (; i < path.SegmentCount; i++)
        {
            var child = Find(obj, path.Segment(i), path.SegmentWord(i));
            if (child == None) break;
            if (i == path.SegmentCount - 1) return child;
            obj = child;
        }
        // Else a member whose name holds dots may stand for some of the segments; if not, create from where the walk stopped.
        if (_dottedNames && Find(path, from) is var found && found != None) return found;
        for (; i < path.SegmentCount; i++)
        {
            if (i > 0 && _nodes[obj].Kind != EventValueKind.Object) MakeEmpty(obj, EventValueKind.Object);
            var segment = path.Segment(i);
            obj = AddMember(obj, segment, path.SegmentWord(i), dotted: false); // segments are split at the dots
        }
        return obj;
    }

    /// <summary>Adds a member (null) to <paramref name="obj"/> without looking for an existing one.</summary>
    public int AddMember(int obj, ReadOnlySpan<byte> key)
    {
        var word = KeyWordOf(key);
        return AddMember(obj, key, word, HoldsDot(key, word));
    }

    /// <summary><see cref="AddMember(int, ReadOnlySpan{byte})"/> for a key whose dots the caller knows of.</summary>
    internal int AddMember(int obj, ReadOnlySpan<byte> key, bool dotted) => AddMember(obj, key, KeyWordOf(key), dotted);

    /// <summary>Appends an element (null) to array <paramref name="array"/>.</summary>
    public int AddElement(int array) => NewNode(array, EventValueKind.Null);

    public void SetString(int node, ReadOnlySpan<byte> utf8) => Reset(node, EventValueKind.String, AppendText(utf8), utf8.Length);

    /// <summary>
    /// <see cref="SetString"/> for text that may be a slice of text the document holds (a grok capture of the
    /// message): the node then shares it rather than copying it.
    /// </summary>
    internal void SetSharedString(int node, ReadOnlySpan<byte> utf8) => Reset(node, EventValueKind.String, TextStartOf(utf8), utf8.Length);

    /// <summary>
    /// A range of the text found to be ASCII (<see cref="NoteAscii"/>: a grok step's source), else empty. Text is never
    /// changed before <see cref="Reset"/>, which empties the range, so the note holds for the whole event whichever
    /// step asks.
    /// </summary>
    private int _asciiStart, _asciiEnd;

    /// <summary>Notes whether string node <paramref name="node"/> is all ASCII: then any slice of it is valid UTF-8 (<see cref="TrySetAsciiSlice"/>).</summary>
    internal void NoteAscii(int node)
    {
        ref readonly var n = ref _nodes[node];
        var ascii = System.Text.Ascii.IsValid(_text.AsSpan(n.TextStart, n.TextLength));
        _asciiStart = ascii ? n.TextStart : 0;
        _asciiEnd = ascii ? n.TextStart + n.TextLength : 0;
    }

    /// <summary>
    /// Sets a string that is a slice of the text <see cref="NoteAscii"/> found ASCII, sharing it, with no UTF-8 check
    /// to make; false, with nothing set, for any other text.
    /// </summary>
    internal bool TrySetAsciiSlice(int node, ReadOnlySpan<byte> utf8)
    {
        var offset = OffsetInText(utf8);
        if (offset < _asciiStart || offset > _asciiEnd - utf8.Length) return false;
        Reset(node, EventValueKind.String, (int)offset, utf8.Length);
        return true;
    }

    /// <summary>Sets a number from its JSON text (kept as written: <c>30.0</c> stays <c>30.0</c>).</summary>
    public void SetNumberText(int node, ReadOnlySpan<byte> json) => Reset(node, EventValueKind.Number, AppendText(json), json.Length);

    public void SetInteger(int node, long value)
    {
        // Formatted in place: the text ends up where AppendText would copy it.
        ReserveText(MaxIntegerLength);
        var start = _textLength;
        Utf8Formatter.TryFormat(value, _text.AsSpan(start), out var written);
        _textLength += written;
        Reset(node, EventValueKind.Number, start, written);
    }

    /// <summary>The length of the longest integer's text (<see cref="long.MinValue"/>).</summary>
    private const int MaxIntegerLength = 20;

    /// <summary>Sets a double, written as JSON numbers are by grokflow (integral values keep <c>.0</c>).</summary>
    public void SetDouble(int node, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            SetNull(node);
            return;
        }
        Span<byte> buffer = stackalloc byte[40];
        if (GrokNumbers.TryFormatNumber(value, buffer, out var written)) SetNumberText(node, buffer.Slice(0, written));
        else SetNull(node);
    }

    public void SetBool(int node, bool value) => MakeEmpty(node, value ? EventValueKind.True : EventValueKind.False);
    public void SetNull(int node) => MakeEmpty(node, EventValueKind.Null);
    public void SetObject(int node) => MakeEmpty(node, EventValueKind.Object);
    public void SetArray(int node) => MakeEmpty(node, EventValueKind.Array);

    /// <summary>Replaces <paramref name="target"/>'s value by a deep copy of <paramref name="source"/>'s value.</summary>
    public void CopyValue(int source, int target)
    {
        if (source == target) return;
        if (IsInside(target, source))
        {
            // Copying a value into its own subtree would copy the growing copy: copy a snapshot instead.
            var snapshot = AddMember(Root, ReadOnlySpan<byte>.Empty);
            Remove(snapshot);
            CopyValue(source, snapshot);
            source = snapshot;
        }
        var kind = _nodes[source].Kind;
        MakeEmpty(target, kind);
        _nodes[target].MemberBits = _nodes[source].MemberBits;
        if (kind is EventValueKind.String or EventValueKind.Number)
        {
            _nodes[target].TextStart = _nodes[source].TextStart;
            _nodes[target].TextLength = _nodes[source].TextLength;
            return;
        }
        if (kind is not (EventValueKind.Object or EventValueKind.Array)) return;
        // Children appended below are new nodes; the source's list ends where it ended when the copy began.
        var last = _nodes[source].LastChild;
        for (var child = _nodes[source].FirstChild; child != None; child = _nodes[child].Next)
        {
            var copy = NewNode(target, EventValueKind.Null);
            _nodes[copy].KeyStart = _nodes[child].KeyStart;
            _nodes[copy].KeyLength = _nodes[child].KeyLength;
            _nodes[copy].KeyWord = _nodes[child].KeyWord;
            CopyValue(child, copy);
            if (child == last) break;
        }
    }

    /// <summary>Turns <paramref name="node"/> into an array whose one element holds the value it had.</summary>
    public void WrapInArray(int node)
    {
        var element = NewNode(node, EventValueKind.Null);
        ref var from = ref _nodes[node];
        ref var to = ref _nodes[element];
        to.Kind = from.Kind;
        to.TextStart = from.TextStart;
        to.TextLength = from.TextLength;
        to.MemberBits = from.MemberBits;
        // NewNode linked the element as the node's last child: its former children move under the element.
        to.FirstChild = from.FirstChild == element ? None : from.FirstChild;
        var last = None;
        for (var child = to.FirstChild; child != None && child != element; child = _nodes[child].Next)
        {
            _nodes[child].Parent = element;
            last = child;
        }
        to.LastChild = last;
        if (last != None) _nodes[last].Next = None;
        from.Kind = EventValueKind.Array;
        from.TextStart = 0;
        from.TextLength = 0;
        from.FirstChild = element;
        from.LastChild = element;
    }

    /// <summary>Whether <paramref name="node"/> lies strictly inside <paramref name="ancestor"/>'s value.</summary>
    public bool IsInside(int node, int ancestor)
    {
        for (var n = _nodes[node].Parent; n != None; n = _nodes[n].Parent)
        {
            if (n == ancestor) return true;
        }
        return false;
    }

    /// <summary>Unlinks <paramref name="node"/> from its parent (the root cannot be removed).</summary>
    public void Remove(int node)
    {
        var parent = _nodes[node].Parent;
        if (parent == None) return;
        var previous = None;
        for (var child = _nodes[parent].FirstChild; child != None; previous = child, child = _nodes[child].Next)
        {
            if (child != node) continue;
            if (previous == None) _nodes[parent].FirstChild = _nodes[child].Next;
            else _nodes[previous].Next = _nodes[child].Next;
            if (_nodes[parent].LastChild == child) _nodes[parent].LastChild = previous;
            _nodes[node].Parent = None;
            return;
        }
    }

    /// <summary>Removes <paramref name="node"/>, then each parent object it leaves empty (not the root).</summary>
    public void RemoveAndPrune(int node)
    {
        while (node != None && node != Root)
        {
            var parent = _nodes[node].Parent;
            Remove(node);
            if (parent == Root || parent == None || _nodes[parent].FirstChild != None) return;
            node = parent;
        }
    }

    public void AddTag(ReadOnlySpan<byte> tag)
    {
        if (TagCount == _tags.Length) Array.Resize(ref _tags, _tags.Length * 2);
        var start = AppendText(tag);
        _tags[TagCount++] = (start, tag.Length);
    }

    /// <summary>Removes the tag at <paramref name="index"/>; later tags move down by one.</summary>
    public void RemoveTag(int index)
    {
        if ((uint)index >= (uint)TagCount) return;
        Array.Copy(_tags, index + 1, _tags, index, TagCount - index - 1);
        TagCount--;
    }

    /// <summary>Stores UTF-8 text in the document (e.g. for <see cref="OfficialValues"/>) and returns where.</summary>
    public (int Start, int Length) Store(ReadOnlySpan<byte> utf8) => (TextStartOf(utf8), utf8.Length);

    /// <summary>Text stored with <see cref="Store"/>.</summary>
    public ReadOnlySpan<byte> Stored((int Start, int Length) at) => _text.AsSpan(at.Start, at.Length);

    // ---- JSON in and out -----------------------------------------------------------------------------------------

    /// <summary>
    /// Merges the members of a JSON object into object <paramref name="into"/>: an object member merges into an
    /// existing object member, anything else replaces the member of the same name. Invalid JSON raises
    /// <see cref="JsonException"/>.
    /// </summary>
    public void MergeObject(ReadOnlySpan<byte> json, int into = Root)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not a JSON object");
        MergeMembers(ref reader, into);
    }

    private void MergeMembers(ref Utf8JsonReader reader, int obj)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = FindOrAddMember(obj, UnescapedText(ref reader));
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject && _nodes[member].Kind == EventValueKind.Object) MergeMembers(ref reader, member);
            else ReadValue(ref reader, member);
        }
    }

    private void ReadValue(ref Utf8JsonReader reader, int node)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                MakeEmpty(node, EventValueKind.Object);
                MergeMembers(ref reader, node);
                break;
            case JsonTokenType.StartArray:
                MakeEmpty(node, EventValueKind.Array);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) ReadValue(ref reader, AddElement(node));
                break;
            case JsonTokenType.String:
                SetString(node, reader.ValueIsEscaped ? UnescapedText(ref reader) : reader.ValueSpan);
                break;
            case JsonTokenType.Number:
                SetNumberText(node, reader.HasValueSequence ? throw new JsonException("segmented input") : reader.ValueSpan);
                break;
            case JsonTokenType.True: SetBool(node, true); break;
            case JsonTokenType.False: SetBool(node, false); break;
            default: SetNull(node); break;
        }
    }

    /// <summary>The current token's text unescaped; valid until the next call (it may live in a scratch buffer).</summary>
    private ReadOnlySpan<byte> UnescapedText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        var scratch = RentScratch(reader.ValueSpan.Length);
        var written = reader.CopyString(scratch);
        return scratch.Slice(0, written);
    }

    private byte[] _scratch = new byte[1024];

    private Span<byte> RentScratch(int size)
    {
        if (_scratch.Length < size) _scratch = new byte[Math.Max(size, _scratch.Length * 2)];
        return _scratch;
    }

    /// <summary>Writes the value of <paramref name="node"/>.</summary>
    public void WriteValue(Utf8JsonWriter writer, int node)
    {
        switch (_nodes[node].Kind)
        {
            case EventValueKind.Object or EventValueKind.Array when TryWriteRaw(writer, node):
                break;
            case EventValueKind.Object:
                writer.WriteStartObject();
                WriteMembers(writer, node);
                writer.WriteEndObject();
                break;
            case EventValueKind.Array:
                writer.WriteStartArray();
                for (var child = _nodes[node].FirstChild; child != None; child = _nodes[child].Next) WriteValue(writer, child);
                writer.WriteEndArray();
                break;
            case EventValueKind.String: Output.JsonStrings.WriteValue(writer, TextOf(node)); break;
            case EventValueKind.Number: writer.WriteRawValue(TextOf(node), skipInputValidation: true); break;
            case EventValueKind.True: writer.WriteBooleanValue(true); break;
            case EventValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>Writes the members of object <paramref name="obj"/> as properties of the object open on the writer.</summary>
    public void WriteMembers(Utf8JsonWriter writer, int obj)
    {
        for (var child = _nodes[obj].FirstChild; child != None; child = _nodes[child].Next)
        {
            writer.WritePropertyName(KeyOf(child));
            WriteValue(writer, child);
        }
    }

    // ---- storage -------------------------------------------------------------------------------------------------

    private int NewNode(int parent, EventValueKind kind, int keyStart = 0, int keyLength = 0, ulong keyWord = 0)
    {
        if (_nodeCount == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        var nodes = _nodes;
        var node = _nodeCount++;
        nodes[node] = new DocumentNode
        {
            Kind = kind, Parent = parent, FirstChild = None, LastChild = None, Next = None, KeyStart = keyStart, KeyLength = keyLength, KeyWord = keyWord,
        };
        ref var parentNode = ref nodes[parent];
        if (parentNode.LastChild == None) parentNode.FirstChild = node;
        else nodes[parentNode.LastChild].Next = node;
        parentNode.LastChild = node;
        return node;
    }

    private void MakeEmpty(int node, EventValueKind kind) => Reset(node, kind, textStart: 0, textLength: 0);

    /// <summary>
    /// Makes <paramref name="node"/> a value of <paramref name="kind"/> without children, whose text (a string's or a
    /// number's) is stored at <paramref name="textStart"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Reset(int node, EventValueKind kind, int textStart, int textLength)
    {
        ref var n = ref _nodes[node];
        n.Kind = kind;
        n.FirstChild = None;
        n.LastChild = None;
        n.MemberBits = 0;
        n.TextStart = textStart;
        n.TextLength = textLength;
    }

    /// <summary>Makes room for <paramref name="more"/> bytes of text after what the document holds.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void ReserveText(int more)
    {
        if (_textLength + more > _text.Length) GrowText(more);
    }

    private void GrowText(int more) => Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + more));

    /// <summary>
    /// Where <paramref name="utf8"/> is in the document's text: where it already is when it is a slice of text the
    /// document holds (a grok capture of the message, a key-value pair's name), else where it is copied to. Text is
    /// never changed once stored (until <see cref="Reset"/>), so nodes may share it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int TextStartOf(ReadOnlySpan<byte> utf8)
    {
        var offset = OffsetInText(utf8);
        return offset >= 0 && offset <= _textLength - utf8.Length ? (int)offset : AppendText(utf8);
    }

    /// <summary>Where <paramref name="utf8"/> starts counted from the text's first byte: in the text only when it is within its length.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private nint OffsetInText(ReadOnlySpan<byte> utf8) => System.Runtime.CompilerServices.Unsafe.ByteOffset(
        ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_text),
        ref System.Runtime.InteropServices.MemoryMarshal.GetReference(utf8));

    private int AppendText(ReadOnlySpan<byte> utf8)
    {
        ReserveText(utf8.Length);
        var start = _textLength;
        CopyText(utf8, ref _text[start]);
        _textLength += utf8.Length;
        return start;
    }
}
