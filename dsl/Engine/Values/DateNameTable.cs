using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>
/// A date pattern's month, day, half-day or era names in reading order (longest first), and for each ASCII byte the
/// names that can start with it (either case of their first character): a month is found among the two or three names
/// of its letter, not all twenty-three. Text starting outside ASCII tries every name (a character such as the Kelvin
/// sign folds to an ASCII letter).
/// </summary>
internal sealed class DateNameTable
{
    private readonly CaseInsensitiveName[] all;

    /// <summary>The names each ASCII byte can start, one byte's after another's: those of byte b from <c>starts[b]</c> to <c>starts[b + 1]</c>.</summary>
    private readonly Candidate[] candidates;
    private readonly int[] starts = new int[129];

    public DateNameTable(DateName[] names)
    {
        all = names.Select(n => new CaseInsensitiveName(n.Text, n.Value)).ToArray();
        var list = new List<Candidate>();
        for (var b = 0; b < 128; b++)
        {
            starts[b] = list.Count;
            list.AddRange(all.Where(n => CanStartWith(n, new Rune(b))).Select(n => new Candidate(n)));
        }

        starts[128] = list.Count;
        candidates = list.ToArray();
    }

    /// <summary>The names, in reading order.</summary>
    public IReadOnlyList<CaseInsensitiveName> Names => all;

    /// <summary>Reads the first name that matches at the start of <paramref name="text"/>; returns its length in bytes, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length < sizeof(ulong) || text[0] >= 0x80) return ReadAny(text, out value);
        // CaseInsensitiveName.MatchAt's compare, with the text read once and the names side by side.
        var word = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var end = starts[text[0] + 1];
        for (var i = starts[text[0]]; i < end; i++)
        {
            ref readonly var candidate = ref candidates[i];
            var compared = CaseInsensitiveName.ComparePacked(word, candidate.Lower, candidate.Fold, candidate.Mask);
            if (compared > 0) return Found(candidate.Value, candidate.Length, out value);
            if (compared < 0 && candidate.Name.MatchAt(text) is var length and >= 0) return Found(candidate.Value, length, out value);
        }

        return -1;
    }

    private static int Found(int nameValue, int length, out int value)
    {
        value = nameValue;
        return length;
    }

    private int ReadAny(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return -1;
        if (text[0] < 0x80)
        {
            foreach (ref readonly var candidate in candidates.AsSpan(starts[text[0]]..starts[text[0] + 1]))
                if (candidate.Name.MatchAt(text) is var length and >= 0) return Found(candidate.Value, length, out value);
            return -1;
        }

        foreach (var name in all)
            if (name.MatchAt(text) is var length and >= 0) return Found(name.Value, length, out value);
        return -1;
    }

    /// <summary>The test <see cref="Utf8Text.MatchIgnoreCase"/> puts to the first character.</summary>
    private static bool CanStartWith(CaseInsensitiveName name, Rune first) =>
        first == name.Lower[0] || first == name.Upper[0]
        || Rune.ToLowerInvariant(first) == name.Lower[0] || Rune.ToUpperInvariant(first) == name.Upper[0];

    /// <summary>A name with its packed form beside it, so a compare reads no other object.</summary>
    private readonly struct Candidate(CaseInsensitiveName name)
    {
        public readonly ulong Lower = name.Packed.Lower, Fold = name.Packed.Fold, Mask = name.Packed.Mask;
        public readonly int Length = name.Packed.Length, Value = name.Value;
        public readonly CaseInsensitiveName Name = name;
    }
}
