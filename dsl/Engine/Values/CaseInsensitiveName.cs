using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>
/// A month, day, half-day or era name, a date pattern literal or a boolean text, with the value it stands for, matched in
/// UTF-8 ignoring case without allocating.
/// </summary>
internal sealed class CaseInsensitiveName
{
    public CaseInsensitiveName(string text, int value)
    {
        Text = text;
        Value = value;
        var lower = new List<Rune>();
        var upper = new List<Rune>();
        foreach (var rune in text.EnumerateRunes())
        {
            lower.Add(Rune.ToLowerInvariant(rune));
            upper.Add(Rune.ToUpperInvariant(rune));
        }

        Lower = lower.ToArray();
        Upper = upper.ToArray();
        if (Lower.Zip(Upper).All(p => p.First.IsAscii && p.Second.IsAscii))
        {
            _asciiLower = Lower.Select(r => (byte)r.Value).ToArray();
            _asciiFold = Lower.Zip(Upper).Select(p => p.First != p.Second ? (byte)0x20 : (byte)0).ToArray();
            if (_asciiLower.Length <= sizeof(ulong))
            {
                for (var i = _asciiLower.Length - 1; i >= 0; i--)
                {
                    _packedLower = (_packedLower << 8) | _asciiLower[i];
                    _packedFold = (_packedFold << 8) | _asciiFold[i];
                    _packedMask = (_packedMask << 8) | 0xFF;
                }

                _packedLength = _asciiLower.Length;
            }
        }
    }

    // For a name whose runes and case forms are all ASCII: its lower-case bytes, and per byte 0x20 where an ASCII
    // letter may come in either case (OR-ing it in folds 'A' to 'a' and leaves 'a'; no other byte folds to a letter).
    private readonly byte[]? _asciiLower;
    private readonly byte[]? _asciiFold;

    // The same for a name of at most eight bytes, packed little-endian into one word (mask 0: longer, or not ASCII),
    // so that a text of eight bytes or more is compared with one load.
    private readonly ulong _packedLower, _packedFold, _packedMask;
    private readonly int _packedLength;

    /// <summary>The name packed for <see cref="MatchAt"/>'s one-word compare: lower-case bytes, fold bits, mask (0: not packed), length.</summary>
    public (ulong Lower, ulong Fold, ulong Mask, int Length) Packed => (_packedLower, _packedFold, _packedMask, _packedLength);

    public string Text { get; }

    public int Value { get; }

    public Rune[] Lower { get; }

    public Rune[] Upper { get; }

    /// <summary>Whether either case of the name holds a digit (of any script).</summary>
    public static bool HoldsADigit(CaseInsensitiveName name) =>
        name.Lower.Concat(name.Upper).Any(r => Rune.IsDigit(r) || Rune.IsNumber(r));

    /// <summary>Bytes of <paramref name="utf8"/> this name covers at its start, or -1 when it does not match there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MatchAt(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < sizeof(ulong)) return MatchAtByBytes(utf8);
        return ComparePacked(BinaryPrimitives.ReadUInt64LittleEndian(utf8), _packedLower, _packedFold, _packedMask) switch
        {
            1 => _packedLength,
            0 => -1,
            _ => MatchAtByBytes(utf8),
        };
    }

    /// <summary>
    /// The one-word compare of a packed name (see <see cref="Packed"/>) with the first eight bytes of a text, read as a
    /// little-endian word: 1 when the name matches, 0 when it does not, -1 when only the byte-by-byte way can tell (the
    /// name is not packed, or the text leaves ASCII within the name's length).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ComparePacked(ulong text, ulong lower, ulong fold, ulong mask)
    {
        var bytes = text & mask;
        if (mask == 0 || (bytes & 0x8080_8080_8080_8080) != 0) return -1;
        return (bytes | fold) == lower ? 1 : 0;
    }

    private int MatchAtByBytes(ReadOnlySpan<byte> utf8)
    {
        if (_asciiLower is not { } lower) return Utf8Text.MatchIgnoreCase(utf8, Lower, Upper);
        // A rune outside ASCII can still fold to an ASCII letter (the Kelvin sign to 'k'): such text takes the general
        // path. It is at least as long in bytes as the name, so a shorter text cannot match.
        if (utf8.Length < lower.Length) return -1;
        var fold = _asciiFold!;
        for (var i = 0; i < lower.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x80) return Utf8Text.MatchIgnoreCase(utf8, Lower, Upper);
            if ((b | fold[i]) != lower[i]) return -1;
        }
        return lower.Length;
    }
}
