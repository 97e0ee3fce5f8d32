using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{hostname}</c> and <c>%{host}</c>:
/// <c>\b[0-9A-Za-z][0-9A-Za-z_-]{0,62}(?:\.[0-9A-Za-z][0-9A-Za-z_-]{0,62})*(?:\.?|\b)</c>.
/// Backtracking order: the deepest label first (after it, its trailing dot), then each shorter length of it, then the
/// label before, and so on back to the first label. A label shorter than its run is followed by a label byte, so only
/// the full (at most 63-byte) label can go on to a dot.
/// </summary>
public readonly struct HostnameMatcher : ISubMatcher, IEndScanner
{
    private const int MaxLabel = 63;

    /// <summary>The first end <see cref="Scan"/> records (the last label whole, with its dot if one follows), with its steps.</summary>
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget)
    {
        if (--budget < 0) return -2;
        if (!CanStart(input, pos)) return -1;
        if (!TryWalkToLastLabel(input, pos, ref budget, out _, out var end)) return -2;
        return ByteRuns.At(input, end, (byte)'.') ? end + 1 : end;
    }

    /// <summary>
    /// The ends <see cref="Scan"/> records, with its steps, written directly: they are distinct by construction (each
    /// label's ends lie before the next label's start), so they need not be searched for duplicates one by one.
    /// </summary>
    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget)
    {
        if (--budget < 0) return -1;
        if (!CanStart(input, pos)) return 0;
        if (!TryWalkToLastLabel(input, pos, ref budget, out var start, out var end)) return -1;
        var count = 0;
        while (true)
        {
            if (ByteRuns.At(input, end, (byte)'.') && !TryAdd(ends, ref count, end + 1)) return MatchState.EndsOverflow;
            for (var e = end; e > start; e--)
                if (!TryAdd(ends, ref count, e)) return MatchState.EndsOverflow;
            if (start == pos) return count;
            end = start - 1;
            start = LabelStart(input, pos, end);
        }
    }

    private static bool TryAdd(Span<int> ends, ref int count, int end)
    {
        if (count == ends.Length) return false;
        ends[count++] = end;
        return true;
    }

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var input = s.Input;
        if (!CanStart(input, pos)) return false;
        // Labels are listed from the last back to the first.
        if (!TryWalkToLastLabel(input, pos, ref s.Budget, out var start, out var end))
        {
            s.OutOfBudget = true;
            return true;
        }
        while (true)
        {
            if (ByteRuns.At(input, end, (byte)'.') && EndScan.Record(ref s, end + 1)) return true;
            for (var e = end; e > start; e--)
                if (EndScan.Record(ref s, e)) return true;
            if (start == pos) return false;
            // The label before ends just before this one's dot, at its full length.
            end = start - 1;
            start = LabelStart(input, pos, end);
        }
    }

    /// <summary>
    /// Walks the chain of labels at <paramref name="pos"/> to its last label (one step for each label after the first),
    /// giving that label's start and end; false when the budget ran out on the way. Inlined: called apart, its results
    /// go through memory, which cost the usual host name (one label) more than the walk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryWalkToLastLabel(ReadOnlySpan<byte> input, int pos, ref int budget, out int start, out int end)
    {
        start = pos;
        end = LabelEnd(input, start);
        while (ByteRuns.At(input, end, (byte)'.') && end + 1 < input.Length && ByteRuns.IsAlphanumeric(input[end + 1]))
        {
            if (--budget < 0) return false;
            start = end + 1;
            end = LabelEnd(input, start);
        }
        return true;
    }

    /// <summary><c>\b[0-9A-Za-z]</c>: after an alphanumeric byte, <c>\b</c> only asks that no word byte come before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CanStart(ReadOnlySpan<byte> input, int pos) =>
        (uint)pos < (uint)input.Length && ByteRuns.IsAlphanumeric(input[pos]) && (pos == 0 || !Utf8Match.IsWordByte(input[pos - 1]));

    /// <summary>The end of the label at <paramref name="start"/>: its run of label bytes, at most 63.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LabelEnd(ReadOnlySpan<byte> input, int start) => start + Math.Min(ByteRuns.Label(input, start), MaxLabel);

    /// <summary>The start of the label that ends at <paramref name="end"/> (a dot), not before <paramref name="first"/>.</summary>
    private static int LabelStart(ReadOnlySpan<byte> input, int first, int end)
    {
        var dot = input[first..end].LastIndexOf((byte)'.');
        return dot < 0 ? first : first + dot + 1;
    }
}
