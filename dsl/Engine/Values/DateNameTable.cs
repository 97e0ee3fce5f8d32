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
    private readonly CaseInsensitiveName[][] byFirstByte = new CaseInsensitiveName[128][];

    public DateNameTable(DateName[] names)
    {
        all = names.Select(n => new CaseInsensitiveName(n.Text, n.Value)).ToArray();
        for (var b = 0; b < 128; b++)
            byFirstByte[b] = all.Where(n => CanStartWith(n, new Rune(b))).ToArray();
    }

    /// <summary>Reads the first name that matches at the start of <paramref name="text"/>; returns its length in bytes, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty) return -1;
        foreach (var name in text[0] < 0x80 ? byFirstByte[text[0]] : all)
        {
            var length = name.MatchAt(text);
            if (length < 0) continue;
            value = name.Value;
            return length;
        }

        return -1;
    }

    /// <summary>The test <see cref="Utf8Text.MatchIgnoreCase"/> puts to the first character.</summary>
    private static bool CanStartWith(CaseInsensitiveName name, Rune first) =>
        first == name.Lower[0] || first == name.Upper[0]
        || Rune.ToLowerInvariant(first) == name.Lower[0] || Rune.ToUpperInvariant(first) == name.Upper[0];
}
