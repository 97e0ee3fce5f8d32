using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GrokFlow.Engine.Matching;

/// <summary>Small UTF-8 helpers the generated matchers call: code point widths, stepping back, set membership.</summary>
public static class Utf8Match
{
    /// <summary>The byte length of the UTF-8 sequence that starts with <paramref name="lead"/> (1 for stray bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SequenceLength(byte lead) => lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;

    /// <summary>The start of the code point that ends at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StepBack(ReadOnlySpan<byte> input, int pos)
    {
        pos--;
        while (pos > 0 && (input[pos] & 0xC0) == 0x80) pos--;
        return pos;
    }

    /// <summary>
    /// Width of the code point at <paramref name="pos"/> when it belongs to the set (ASCII members in
    /// <paramref name="ascii"/>, others in the sorted inclusive <paramref name="ranges"/> pairs), else 0.
    /// </summary>
    public static int MatchCodePoint(ReadOnlySpan<byte> input, int pos, SearchValues<byte> ascii, ReadOnlySpan<int> ranges)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var b = input[pos];
        if (b < 0x80) return ascii.Contains(b) ? 1 : 0;
        if (System.Text.Rune.DecodeFromUtf8(input[pos..], out var rune, out var width) != OperationStatus.Done) return 0;
        var c = rune.Value;
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (c < ranges[i]) return 0;
            if (c <= ranges[i + 1]) return width;
        }
        return 0;
    }

    /// <summary>The start of the code point before <paramref name="pos"/> when it belongs to the set, else -1.</summary>
    public static bool PreviousCodePointIn(ReadOnlySpan<byte> input, int pos, SearchValues<byte> ascii, ReadOnlySpan<int> ranges)
    {
        if (pos <= 0) return false;
        var start = StepBack(input, pos);
        return MatchCodePoint(input, start, ascii, ranges) == pos - start;
    }

    /// <summary>True when the input at <paramref name="pos"/> starts with <paramref name="lowerCase"/> (ASCII letters either case).</summary>
    /// <remarks>The texts are short (month and day names): compared byte by byte, which costs less than a vectorised compare.</remarks>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> input, int pos, ReadOnlySpan<byte> lowerCase)
    {
        if (input.Length - pos < lowerCase.Length) return false;
        for (var i = 0; i < lowerCase.Length; i++)
        {
            var (b, lower) = (input[pos + i], lowerCase[i]);
            if (b != lower && ((b | 0x20) != lower || (uint)(lower - 'a') > 'z' - 'a')) return false;
        }
        return true;
    }

    private static readonly SearchValues<byte> s_space = SearchValues.Create("\t\n\v\f\r "u8);

    /// <summary>
    /// The end of the run of <c>\s</c> (ASCII white space, as Datadog defines it) at <paramref name="pos"/>. Runs between
    /// tokens are mostly one space: that case is decided inline, others go on in <see cref="LongerSpaceRunEnd"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SpaceRunEnd(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)(pos + 1) < (uint)input.Length && input[pos] == ' ' && !IsSpaceByte(input[pos + 1])) return pos + 1;
        return LongerSpaceRunEnd(input, pos);
    }

    private static int LongerSpaceRunEnd(ReadOnlySpan<byte> input, int pos)
    {
        var limit = Math.Min(input.Length, pos + 4);
        for (; pos < limit; pos++)
            if (!IsSpaceByte(input[pos])) return pos;
        if (pos >= input.Length) return pos;
        var run = input[pos..].IndexOfAnyExcept(s_space);
        return run < 0 ? input.Length : pos + run;
    }

    /// <summary>
    /// The end of literals joined by <c>\s+</c> runs that are taken whole, or -1: <paramref name="text"/> is the literals
    /// with one space for each run, <paramref name="runs"/> where those spaces are. What follows a run inside the text
    /// never starts with white space, so when the input starts with the text each run in it is that one space; a run
    /// at the end must not go on. Other runs (tabs, several spaces) are matched piece by piece. A text that differs at a
    /// byte that is not white space, where no space of the text stands, cannot match piece by piece either: everything
    /// before it matched as the one-space form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SpacedTextEnd(ReadOnlySpan<byte> input, int pos, ReadOnlySpan<byte> text, ReadOnlySpan<byte> runs)
    {
        var rest = input.Slice(pos);
        if (rest.StartsWith(text))
        {
            if (runs[^1] != text.Length - 1 || text.Length == rest.Length || !IsSpaceByte(rest[text.Length])) return pos + text.Length;
        }
        else if (DiffersOutsideRuns(rest, text)) return -1;
        return SpacedTextEndByPieces(input, pos, text, runs);
    }

    /// <summary>True when <paramref name="rest"/> ends, or differs from <paramref name="text"/> at a byte that is not white space where the text has no space.</summary>
    private static bool DiffersOutsideRuns(ReadOnlySpan<byte> rest, ReadOnlySpan<byte> text)
    {
        var same = 0;
        while (same < rest.Length && same < text.Length && rest[same] == text[same]) same++;
        return same == rest.Length || (text[same] != ' ' && !IsSpaceByte(rest[same]));
    }

    private static int SpacedTextEndByPieces(ReadOnlySpan<byte> input, int pos, ReadOnlySpan<byte> text, ReadOnlySpan<byte> runs)
    {
        var from = 0;
        foreach (var run in runs)
        {
            if (!input.Slice(pos).StartsWith(text[from..run])) return -1;
            pos += run - from;
            var runEnd = SpaceRunEnd(input, pos);
            if (runEnd == pos) return -1;
            (pos, from) = (runEnd, run + 1);
        }
        return input.Slice(pos).StartsWith(text[from..]) ? pos + text.Length - from : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpaceByte(byte b) => b == ' ' || (uint)(b - '\t') <= '\r' - '\t';

    private static readonly SearchValues<byte> s_word = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>The end of the run of ASCII <c>\w</c> at <paramref name="pos"/>.</summary>
    /// <remarks>
    /// Words are short (user names, protocols, program names): sixteen bytes are classified at once inline, without the
    /// call and set-up of a vectorised BCL search; a run that fills them (or a line's last bytes) goes on with that search.
    /// </remarks>
    public static int WordRunEnd(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(input.Slice(pos, Vector128<byte>.Count));
            var words = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9))
                | Vector128.LessThanOrEqual((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)('z' - 'a')))
                | Vector128.Equals(bytes, Vector128.Create((byte)'_'));
            var others = ~words.ExtractMostSignificantBits() & 0xFFFF;
            if (others != 0) return pos + BitOperations.TrailingZeroCount(others);
        }
        if ((uint)pos >= (uint)input.Length) return pos;
        var run = input[pos..].IndexOfAnyExcept(s_word);
        return run < 0 ? input.Length : pos + run;
    }

    /// <summary>The index of the first <paramref name="b"/> in <paramref name="rest"/>, or -1.</summary>
    /// <remarks>
    /// Lazy <c>.*?</c> jumps to the next separator, mostly a few bytes on: the first eight bytes are tested in one 64-bit
    /// word inline (the lowest flag of the zero-byte test is exact); farther occurrences go to the vectorised search.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOfNear(ReadOnlySpan<byte> rest, byte b)
    {
        if (rest.Length >= sizeof(ulong))
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(rest) ^ (0x0101010101010101UL * b);
            var zeros = (word - 0x0101010101010101UL) & ~word & 0x8080808080808080UL;
            if (zeros != 0) return BitOperations.TrailingZeroCount(zeros) >> 3;
            var found = rest[sizeof(ulong)..].IndexOf(b);
            return found < 0 ? -1 : found + sizeof(ulong);
        }
        return rest.IndexOf(b);
    }

    /// <summary>An ASCII <c>\w</c> byte, as Datadog defines <c>word</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordByte(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a' || b == '_';

    /// <summary><c>\b</c> with ASCII word characters, as Datadog defines <c>word</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordBoundary(ReadOnlySpan<byte> input, int pos)
    {
        var before = pos > 0 && IsWordByte(input[pos - 1]);
        var after = pos < input.Length && IsWordByte(input[pos]);
        return before != after;
    }
}
