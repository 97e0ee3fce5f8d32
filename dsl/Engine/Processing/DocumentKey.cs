using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// A member name known before any event (a rule's path segment): its bytes, word and dots worked out once, so that
/// each <see cref="EventDocument"/> can keep the name once, across events, instead of copying it per member.
/// Immutable; shared by threads. Documents tell keys apart by reference.
/// </summary>
internal sealed class DocumentKey
{
    public DocumentKey(byte[] utf8)
    {
        Utf8 = utf8;
        Word = EventDocument.KeyWordOf(utf8);
        Dotted = utf8.AsSpan().Contains((byte)'.');
        Hash = RuntimeHelpers.GetHashCode(this);
    }

    public byte[] Utf8 { get; }

    /// <summary>The word a document keeps of the name (<see cref="EventDocument.KeyWordOf"/>).</summary>
    public ulong Word { get; }

    public bool Dotted { get; }

    /// <summary>This key's identity hash, read once: where a document's table of kept names starts looking for it.</summary>
    public int Hash { get; }
}
