namespace GrokFlow.Engine.Processing;

/// <summary>
/// A member name known before any event (a rule's path segment): its bytes, word and dots worked out once, and an id
/// by which each <see cref="EventDocument"/> keeps the name once, across events, instead of copying it per member.
/// Immutable; shared by threads.
/// </summary>
internal sealed class DocumentKey
{
    /// <summary>The last id given; ids start at 1.</summary>
    private static int s_lastId;

    public DocumentKey(byte[] utf8)
    {
        Utf8 = utf8;
        Word = EventDocument.KeyWordOf(utf8);
        Dotted = utf8.AsSpan().Contains((byte)'.');
        Id = Interlocked.Increment(ref s_lastId);
    }

    public byte[] Utf8 { get; }

    /// <summary>The word a document keeps of the name (<see cref="EventDocument.KeyWordOf"/>).</summary>
    public ulong Word { get; }

    public bool Dotted { get; }

    /// <summary>Unique in the process; a document keeps names of ids up to <see cref="EventDocument.MostKeptNames"/>.</summary>
    public int Id { get; }
}
