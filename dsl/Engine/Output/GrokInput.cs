namespace GrokFlow.Engine.Output;

/// <summary>
/// The text a grok parser matches its rules against. Datadog trims the source value first, as Java's
/// <c>String.trim()</c> does (every leading and trailing byte up to U+0020: spaces, tabs, line breaks and other
/// control characters): its recorded results match <c>%{word:level} ...</c> on <c>"   INFO ..."</c> and rules ending
/// in <c>\]</c> on lines ending in <c>"] "</c>, and a trailing <c>%{data:x}</c> never holds the trailing tabs.
/// </summary>
public static class GrokInput
{
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && value[start] <= (byte)' ') start++;
        while (end > start && value[end - 1] <= (byte)' ') end--;
        return value[start..end];
    }
}
