using GrokFlow.Engine.Output;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>keyvalue</c> filter (grok-dialect spec section 6). Collects every non-overlapping <c>key SEP value</c> pair
/// from left to right, where a pair starts at the beginning or after a left delimiter and ends at the end or at a
/// right delimiter, and key and value are each a quoted string or a run of allowed characters (trying the quotes
/// first, then shorter runs, like the backtracking regex the peer implementation builds).
/// Keys: unquoted, dotted keys nest, keys with a space are ignored. Values: trimmed, a trailing comma dropped,
/// unquoted; empty values (<c>k=""</c> too) and <c>null</c> values are dropped (a quoted blank value is kept as <c>""</c>); <c>true</c>/<c>false</c> are booleans and numbers are
/// numbers (integral ones integers; <c>07</c> is 7 but <c>08</c> stays text). A key seen again replaces its value.
/// The result is always an object, empty when no pair is found.
/// </summary>
internal static class KeyValueParser
{
    public static int Parse(KeyValueScanner scanner, FilterText text, ValueTree tree)
    {
        var obj = tree.NewObject();
        var s = text.Span;
        var position = 0;
        while (NextPair(scanner, s, ref position, out var pair))
        {
            if (!TryTake(scanner.Syntax, text, pair, out var key, out var value)) continue;
            var member = tree.MemberAtDottedKey(obj, s.Slice(key.Start, key.Length));
            // A key seen again replaces its value, as Datadog records it (user_name:"x" ... user_name:" " gives "").
            if (member >= 0) tree.SetValue(member, tree.NewScalar(value));
        }
        return obj;
    }

    /// <summary>Dotted keys deeper than this go through <see cref="Parse"/> (the tree bounds how deep keys nest).</summary>
    private const int MostDotsStraight = 16;

    /// <summary>
    /// The filter's pairs as a <see cref="TreeNodeKind.Pairs"/> node of <paramref name="tree"/>, for a text of the
    /// line (<c>text.InWorkspace</c> false): what <see cref="Parse"/> would build, not yet nested, for
    /// <see cref="ValueTree.MergeMembersInto"/> to write into an event document straight. <see cref="NeedsTree"/> when
    /// a key needs the tree's handling (bytes that are not UTF-8, more than <see cref="MostDotsStraight"/> dots).
    /// </summary>
    public static int ParsePairs(KeyValueScanner scanner, FilterText text, ValueTree tree)
    {
        var pairs = tree.NewPairs();
        var s = text.Span;
        var position = 0;
        while (NextPair(scanner, s, ref position, out var pair))
        {
            if (!TryTake(scanner.Syntax, text, pair, out var key, out var value)) continue;
            var full = s.Slice(key.Start, key.Length);
            // One pass over the (short) key rather than a call per question: its dots, its ends without them, whether it is ASCII.
            int dots = 0, lead = -1, last = -1;
            var ascii = true;
            for (var i = 0; i < full.Length; i++)
            {
                var b = full[i];
                if (b == (byte)'.')
                {
                    dots++;
                    continue;
                }
                if (lead < 0) lead = i;
                last = i;
                ascii &= b < 0x80;
            }
            if (dots > MostDotsStraight || (!ascii && !System.Text.Unicode.Utf8.IsValid(full))) return NeedsTree;
            // Empty segments are skipped: the dots around the key do not count.
            if (lead < 0) continue;
            var dotted = dots > lead + (full.Length - 1 - last);
            tree.AddPair(pairs, text.Offset + key.Start + lead, last - lead + 1, dotted, value);
        }
        return pairs;
    }

    public const int NeedsTree = -2;

    /// <summary>The next pair at or after <paramref name="position"/>, moving past it.</summary>
    private static bool NextPair(KeyValueScanner scanner, ReadOnlySpan<byte> s, ref int position, out Pair pair)
    {
        while (position < s.Length)
        {
            if ((position == 0 || scanner.Syntax.IsLeftDelimiter(s[position - 1])) && TryMatch(scanner, s, position, out pair))
            {
                position = pair.End;
                return true;
            }
            // The next start is after the next left delimiter.
            var delimiter = s[position..].IndexOfAny(scanner.LeftDelimiters);
            if (delimiter < 0) break;
            position += delimiter + 1;
        }
        pair = default;
        return false;
    }

    internal readonly record struct Pair(int KeyStart, int KeyEnd, int ValueStart, int ValueEnd, int End);

    /// <summary>The pair that starts at <paramref name="start"/>, if any, for a <c>keyvalue</c> filter's plan (tests).</summary>
    internal static bool TryMatch(FilterPlan filter, ReadOnlySpan<byte> s, int start, out Pair pair) => TryMatch(filter.KeyValue!, s, start, out pair);

    private static bool TryMatch(KeyValueScanner scanner, ReadOnlySpan<byte> s, int start, out Pair pair)
    {
        var separator = scanner.Syntax.Separator;
        if (scanner.StartsPlainRun(s[start], key: true))
        {
            // One end to try for the key: no backtracking into it.
            var keyEnd = RunEnd(scanner, s, start);
            pair = default;
            return keyEnd > start && s[keyEnd..].StartsWith(separator) && TryValue(scanner, s, start, keyEnd, out pair);
        }
        int keyAlternative = 0, keyCursor = -2;
        while (NextEnd(scanner, s, start, ref keyAlternative, ref keyCursor, key: true) is var keyEnd and >= 0)
        {
            if (s[keyEnd..].StartsWith(separator) && TryValue(scanner, s, start, keyEnd, out pair)) return true;
        }
        pair = default;
        return false;
    }

    /// <summary>The pair whose key ends at <paramref name="keyEnd"/> (the separator follows), if a value ends it.</summary>
    private static bool TryValue(KeyValueScanner scanner, ReadOnlySpan<byte> s, int start, int keyEnd, out Pair pair)
    {
        var syntax = scanner.Syntax;
        var valueStart = keyEnd + syntax.Separator.Length;
        pair = default;
        if (valueStart >= s.Length) return false;
        if (scanner.StartsPlainRun(s[valueStart], key: false))
        {
            // One end to try for an unquoted value too.
            var runEnd = RunEnd(scanner, s, valueStart);
            if (runEnd == valueStart || (runEnd < s.Length && !syntax.IsRightDelimiter(s[runEnd]))) return false;
            pair = new Pair(start, keyEnd, valueStart, runEnd, runEnd == s.Length ? runEnd : runEnd + 1);
            return true;
        }
        int valueAlternative = 0, valueCursor = -2;
        while (NextEnd(scanner, s, valueStart, ref valueAlternative, ref valueCursor, key: false) is var valueEnd and >= 0)
        {
            if (valueEnd == s.Length || syntax.IsRightDelimiter(s[valueEnd]))
            {
                pair = new Pair(start, keyEnd, valueStart, valueEnd, valueEnd == s.Length ? valueEnd : valueEnd + 1);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The next possible end of a key or value starting at <paramref name="start"/>, in the order a backtracking regex
    /// tries them: each quote pair (<c>O[^O]+C</c>, longest first), then a run of allowed bytes, longest first. -1 when
    /// there is none left. Of the runs, those <see cref="TryMatch"/> would pass over at once are skipped here: a key's
    /// that the separator does not follow, a value's that neither ends the text nor a right delimiter follows.
    /// </summary>
    private static int NextEnd(KeyValueScanner scanner, ReadOnlySpan<byte> s, int start, ref int alternative, ref int cursor, bool key)
    {
        var syntax = scanner.Syntax;
        var quotes = syntax.Quotes;
        while (alternative <= quotes.Length)
        {
            if (alternative < quotes.Length)
            {
                var (open, close) = quotes[alternative];
                if (s[start] != open)
                {
                    alternative++;
                    continue;
                }
                if (cursor == -2)
                {
                    var nextOpen = s[(start + 1)..].IndexOf(open);
                    var limit = nextOpen < 0 ? s.Length : start + 1 + nextOpen;
                    cursor = Math.Min(limit, s.Length - 1);
                }
                if (cursor >= start + 2 && s[(start + 2)..(cursor + 1)].LastIndexOf(close) is var q and >= 0)
                {
                    cursor = start + 2 + q - 1;
                    return start + 2 + q + 1;
                }
                alternative++;
                cursor = -2;
                continue;
            }
            if (cursor == -2) cursor = RunEnd(scanner, s, start);
            // Where no shorter run can pass, the run's own end is the only one tried.
            var runEndOnly = key ? scanner.KeyRunEndOnly : scanner.ValueRunEndOnly;
            while (cursor >= start + 1)
            {
                var end = cursor;
                cursor = runEndOnly ? start : cursor - 1;
                if (key ? end < s.Length && s[end] == syntax.Separator[0] && s[end..].StartsWith(syntax.Separator)
                        : end == s.Length || syntax.IsRightDelimiter(s[end]))
                    return end;
            }
            alternative++;
        }
        return -1;
    }

    /// <summary>Where the run of allowed bytes from <paramref name="start"/> ends.</summary>
    private static int RunEnd(KeyValueScanner scanner, ReadOnlySpan<byte> s, int start) =>
        s[start..].IndexOfAnyExcept(scanner.Allowed) is var run and >= 0 ? start + run : s.Length;

    /// <summary>
    /// A pair's key (trimmed, unquoted) and typed value; false for a pair the filter drops (no key, a key with a space,
    /// an empty or <c>null</c> value).
    /// </summary>
    private static bool TryTake(KeyValueSyntax syntax, FilterText text, Pair pair, out (int Start, int Length) key, out OutputValue typed)
    {
        var s = text.Span;
        typed = default;
        key = Trim(s, pair.KeyStart, pair.KeyEnd - pair.KeyStart);
        key = Unquote(syntax, s, key.Start, key.Length, requireContent: true);
        if (key.Length == 0 || s.Slice(key.Start, key.Length).IndexOf((byte)' ') >= 0) return false;

        var (valueStart, valueLength) = Trim(s, pair.ValueStart, pair.ValueEnd - pair.ValueStart);
        while (valueLength > 0 && s[valueStart + valueLength - 1] == ',') valueLength--;
        if (valueLength == 0) return false;
        var value = s.Slice(valueStart, valueLength);
        if (value.SequenceEqual("null"u8)) return false;
        if (value.SequenceEqual("true"u8)) typed = OutputValue.FromBoolean(true);
        else if (value.SequenceEqual("false"u8)) typed = OutputValue.FromBoolean(false);
        else if (LooseNumbers.TryParse(value) is { HasValue: true } number) typed = number;
        else
        {
            var (innerStart, innerLength) = Unquote(syntax, s, valueStart, valueLength, requireContent: false);
            // Nothing inside the quotes is an empty value, dropped (sonicwall: `oldValue=""`, the quote allowed in values);
            // a quoted value is kept even when only white space was inside: Datadog records " " as "".
            if (innerLength == 0) return false;
            if (innerStart != valueStart) (innerStart, innerLength) = Trim(s, innerStart, innerLength);
            typed = text.Slice(innerStart, innerLength);
        }
        return true;
    }

    /// <summary>The text inside the first quote pair that opens at the start and closes later; the text itself otherwise.</summary>
    private static (int Start, int Length) Unquote(KeyValueSyntax syntax, ReadOnlySpan<byte> s, int start, int length, bool requireContent)
    {
        if (length == 0) return (start, length);
        var text = s.Slice(start, length);
        foreach (var (open, close) in syntax.Quotes)
        {
            if (text[0] != open) continue;
            var end = text[1..].IndexOf(close);
            if (end < 0 || (requireContent && end == 0)) continue;
            return (start + 1, end);
        }
        return (start, length);
    }

    private static (int Start, int Length) Trim(ReadOnlySpan<byte> s, int start, int length)
    {
        while (length > 0 && IsSpace(s[start]))
        {
            start++;
            length--;
        }
        while (length > 0 && IsSpace(s[start + length - 1])) length--;
        return (start, length);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v';
}
