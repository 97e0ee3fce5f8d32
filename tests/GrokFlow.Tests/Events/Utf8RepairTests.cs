using System.Text;
using CsCheck;
using GrokFlow.Engine.Output;

namespace GrokFlow.Tests.Events;

/// <summary>
/// The one UTF-8 repair against .NET's decoder with replacement (each maximal invalid subpart one U+FFFD), on random
/// bytes, on mostly-ASCII text with a few stray bytes, and on valid text of every length of character.
/// </summary>
public sealed class Utf8RepairTests
{
    private static byte[] Expected(byte[] bytes) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));

    private static void Check(byte[] bytes)
    {
        var destination = new byte[Utf8Repair.MaxByteCount(bytes.Length)];
        var written = Utf8Repair.Repair(bytes, destination);
        Assert.Equal(Expected(bytes), destination[..written]);
        Assert.Equal(Expected(bytes), new Utf8Repair().Repair(bytes).ToArray());
    }

    [Fact]
    public void RandomBytesMatchTheDecodersReplacement() => Gen.Byte.Array[0, 300].Sample(Check, iter: 20_000);

    [Fact]
    public void TextWithStrayBytesMatchesTheDecodersReplacement() =>
        Gen.OneOf(Gen.Byte[0x20, 0x7E], Gen.Byte[0x20, 0x7E], Gen.Byte[0x20, 0x7E], Gen.Byte[0x80, 0xFF],
                Gen.Const((byte)0xE2), Gen.Const((byte)0xF0))
            .Array[0, 200].Sample(Check, iter: 20_000);

    [Fact]
    public void ValidTextIsCopiedUnchanged() =>
        Gen.String[Gen.Char.AlphaNumeric, 0, 100].Select(Gen.Const("é€😀\u2028"), (text, wide) => text + wide + text)
            .Sample(text =>
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                Check(bytes);
                Assert.Equal(bytes, new Utf8Repair().Repair(bytes).ToArray());
            }, iter: 2_000);
}
