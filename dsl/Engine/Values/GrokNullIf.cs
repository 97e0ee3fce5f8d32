namespace GrokFlow.Engine.Values;

/// <summary>
/// The <c>nullIf("value")</c> filter: the field becomes null (and is then omitted) when the matched text equals the
/// argument exactly, byte for byte and case-sensitively (grok-dialect spec §5).
/// </summary>
public static class GrokNullIf
{
    public static bool IsNull(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> nullValue) => utf8.SequenceEqual(nullValue);
}
