namespace GrokFlow.Engine.Values;

/// <summary>
/// Text of a fixed layout of digits and separators (<c>HH:mm:ss</c>) read as one little-endian word: which bytes are
/// digits, which are separators, and what each must be ('0' for a digit) are masks over the word.
/// </summary>
public static class DigitWord
{
    private const ulong Sixes = 0x0606_0606_0606_0606, HighNibbles = 0xF0F0_F0F0_F0F0_F0F0;

    /// <summary>
    /// Whether every digit byte of <paramref name="word"/> is a digit and every separator byte the one
    /// <paramref name="expected"/> holds (other bytes are not looked at); <paramref name="digits"/>: the digit bytes' values (0-9).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(ulong word, ulong expected, ulong digitBytes, ulong separatorBytes, out ulong digits)
    {
        var x = word ^ expected;
        digits = x & digitBytes;
        // Each digit byte is now 0-9: its high nibble clear, and still clear with six added.
        return ((x & separatorBytes) | ((digits | (digits + (Sixes & digitBytes))) & HighNibbles)) == 0;
    }
}
