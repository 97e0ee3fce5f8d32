namespace GrokFlow.Engine.Processing;

/// <summary>
/// Members made once and added to many documents (<see cref="EventDocument.AddMembers"/>): objects and string
/// members, their names and values in one text, so that adding them copies that text once and links the nodes.
/// Immutable once built; shared by threads.
/// </summary>
public sealed class PreparedMembers
{
    /// <summary>One member: <see cref="Parent"/> is the index of the object entry it lies in, or -1 for the target.</summary>
    internal readonly record struct Entry(int Parent, int KeyStart, int KeyLength, int ValueStart, int ValueLength, bool IsObject);

    private PreparedMembers(byte[] text, Entry[] entries, bool dotted) => (Text, Entries, Dotted) = (text, entries, dotted);

    internal byte[] Text { get; }

    /// <summary>The members in the order they are added; an object's entry comes before its members.</summary>
    internal Entry[] Entries { get; }

    /// <summary>Whether some name holds a dot.</summary>
    internal bool Dotted { get; }

    public sealed class Builder
    {
        private readonly List<byte> _text = [];
        private readonly List<Entry> _entries = [];
        private bool _dotted;

        /// <summary>Adds an empty object under <paramref name="parent"/> (an earlier object's index, or -1); returns its index.</summary>
        public int AddObject(int parent, ReadOnlySpan<byte> key)
        {
            _entries.Add(new Entry(parent, Store(key), key.Length, 0, 0, IsObject: true));
            _dotted |= key.Contains((byte)'.');
            return _entries.Count - 1;
        }

        public void AddString(int parent, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            var keyStart = Store(key);
            _entries.Add(new Entry(parent, keyStart, key.Length, Store(value), value.Length, IsObject: false));
            _dotted |= key.Contains((byte)'.');
        }

        public PreparedMembers Build() => new(_text.ToArray(), _entries.ToArray(), _dotted);

        private int Store(ReadOnlySpan<byte> bytes)
        {
            var start = _text.Count;
            _text.AddRange(bytes);
            return start;
        }
    }
}
