using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>The value formats of flow events, checked against .NET's own formatting over generated values.</summary>
public sealed class FlowJsonWriterTests
{
    private static string Written(Action<FlowJsonWriter> write)
    {
        var writer = new FlowJsonWriter();
        write(writer);
        return Encoding.UTF8.GetString(writer.Written);
    }

    [Fact]
    public void Ipv6TextMatchesIPAddress() =>
        Gen.Byte.Array[16].Select(Gen.Int[0, 8], Gen.Int[0, 8], (bytes, from, count) =>
        {
            // Zero runs of every length and place, which is where RFC 5952 text differs from naive hex.
            for (var i = from; i < Math.Min(8, from + count); i++) bytes[2 * i] = bytes[2 * i + 1] = 0;
            return bytes;
        }).Sample(bytes =>
        {
            var address = new IPAddress(bytes);
            // Mapped addresses are always written dotted here (::ffff:0.0.2.3 too), which .NET does not: pinned below.
            if (address.IsIPv4MappedToIPv6 || DotNetWritesEmbeddedIpv4(bytes)) return;
            Assert.Equal("\"" + address + "\"", Written(w => w.Ipv6(bytes)));
        }, iter: 20_000);

    /// <summary>
    /// The forms <see cref="IPAddress.ToString"/> ends with a dotted IPv4 address: IPv4-compatible, IPv4-mapped, SIIT
    /// (<c>::ffff:0:a.b.c.d</c>) and ISATAP (<c>x:x:x:x:0:5efe:a.b.c.d</c>). RFC 5952 text (and Python's
    /// <c>ipaddress</c>) writes all but the mapped form in hex; <see cref="Ipv6SpecialForms"/> pins them.
    /// </summary>
    private static bool DotNetWritesEmbeddedIpv4(byte[] bytes)
    {
        int Word(int i) => (bytes[2 * i] << 8) | bytes[2 * i + 1];
        var headZero = Word(0) == 0 && Word(1) == 0 && Word(2) == 0 && Word(3) == 0;
        var compatibleMappedOrSiit = headZero && Word(6) != 0
            && ((Word(4) == 0 && Word(5) is 0 or 0xffff) || (Word(4) == 0xffff && Word(5) == 0));
        return compatibleMappedOrSiit || (Word(4) == 0 && Word(5) == 0x5efe) || bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
    }

    [Theory]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:0:1:1:1:1:1")]
    [InlineData("2063::5efe:8fc3:25f8")] // ISATAP: .NET writes 2063::5efe:143.195.37.248
    [InlineData("::ffff:0:102:304")] // SIIT: .NET writes ::ffff:0:1.2.3.4
    public void Ipv6SpecialForms(string text) =>
        Assert.Equal("\"" + text + "\"", Written(w => w.Ipv6(IPAddress.Parse(text).GetAddressBytes())));

    [Fact]
    public void UtcMillisecondsMatchesDateTimeOffset() =>
        Gen.Long[-62_135_596_800_000, 253_402_300_799_999].Sample(ms =>
            Assert.Equal("\"" + DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"",
                Written(w => w.UtcMilliseconds(ms))), iter: 20_000);

    [Fact]
    public void StringsAreAlwaysValidJsonAndKeepValidUtf8() =>
        Gen.Byte.Array[0, 40].Sample(bytes =>
        {
            var json = Written(w => w.String(bytes));
            var parsed = JsonSerializer.Deserialize<string>(json)!;
            var trimmed = bytes.AsSpan(0, bytes.AsSpan().LastIndexOfAnyExcept((byte)0) + 1);
            if (System.Text.Unicode.Utf8.IsValid(trimmed)) Assert.Equal(Encoding.UTF8.GetString(trimmed), parsed);
            else Assert.Equal(Encoding.Latin1.GetString(trimmed), parsed);
        }, iter: 20_000);

    [Fact]
    public void SignedAndUnsignedValuesAreSizedByTheirLength()
    {
        var unsigned = new UnsignedElement(0, 1, "u", false);
        var signed = new SignedElement(0, 2, "s", false);
        Assert.Equal(",\"u\":16777215", Written(w => unsigned.Write(w, [0xFF, 0xFF, 0xFF], default)));
        Assert.Equal(",\"s\":-1", Written(w => signed.Write(w, [0xFF, 0xFF, 0xFF], default)));
        Assert.Equal(",\"s\":-128", Written(w => signed.Write(w, [0x80], default)));
        Assert.Equal(",\"u\":\"0102030405060708090a\"", Written(w => unsigned.Write(w, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], default)));
    }

    [Fact]
    public void NumbersMatchDotNetFormatting()
    {
        // One writer for all values (one thread), as the decoder uses it: each value is checked as the text appended after the last.
        var writer = new FlowJsonWriter();
        void Check(string expected, Action<FlowJsonWriter> write)
        {
            var before = writer.Length;
            write(writer);
            Assert.Equal(expected, Encoding.UTF8.GetString(writer.Written[before..]));
            if (writer.Length > 3000) writer.Reset();
        }
        var power = 1UL;
        for (var digits = 1; digits <= 20; digits++, power = digits <= 20 ? power * 10 : power)
            foreach (var value in new[] { power - 1, power, power + 1 })
                Check(value.ToString(CultureInfo.InvariantCulture), w => w.UInt64(value));
        // Values up to uint.MaxValue take the 32-bit digit loop, larger ones the 64-bit one.
        foreach (var value in new ulong[] { uint.MaxValue - 1, uint.MaxValue, (ulong)uint.MaxValue + 1, ulong.MaxValue })
            Check(value.ToString(CultureInfo.InvariantCulture), w => w.UInt64(value));
        Check(long.MinValue.ToString(CultureInfo.InvariantCulture), w => w.Int64(long.MinValue));
        Gen.ULong.Sample(value => Check(value.ToString(CultureInfo.InvariantCulture), w => w.UInt64(value)), iter: 20_000, threads: 1);
        Gen.ULong[0, 100_000_000].Sample(value => Check(value.ToString(CultureInfo.InvariantCulture), w => w.UInt64(value)), iter: 20_000, threads: 1);
        Gen.Long.Sample(value => Check(value.ToString(CultureInfo.InvariantCulture), w => w.Int64(value)), iter: 20_000, threads: 1);
    }

    [Fact]
    public void Ipv4TextMatchesIPAddress() =>
        Gen.Byte.Array[4].Sample(bytes => Assert.Equal("\"" + new IPAddress(bytes) + "\"", Written(w => w.Ipv4(bytes))), iter: 20_000);

    [Fact]
    public void TimesWrittenInSequenceMatchDateTimeOffset()
    {
        // The writer keeps the date of the last day written: times on the same day, on other days, and back again (one
        // writer, so one thread).
        var writer = new FlowJsonWriter();
        Gen.Long[-62_135_596_800_000, 253_402_300_799_999].Array[1, 8]
            .Sample(times =>
            {
                foreach (var start in times)
                    foreach (var ms in new[] { start, Math.Min(start + 1_234, 253_402_300_799_999), Math.Max(start - 86_400_000, -62_135_596_800_000) })
                    {
                        writer.Reset();
                        writer.UtcMilliseconds(ms);
                        Assert.Equal("\"" + DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"",
                            Encoding.UTF8.GetString(writer.Written));
                        var seconds = Math.DivRem(ms, 1000L, out var rest);
                        if (rest < 0) continue;
                        writer.Reset();
                        writer.UtcTime(seconds, rest * 1000 + 7, 6);
                        Assert.Equal("\"" + DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + (rest * 1000 + 7).ToString("D6", CultureInfo.InvariantCulture) + "Z\"",
                            Encoding.UTF8.GetString(writer.Written));
                    }
            }, iter: 5_000, threads: 1);
    }

    [Fact]
    public void TimesOnDaysThatShareACacheSlotMatchDateTimeOffset()
    {
        // The writer keeps the dates of recent days by day number modulo a power of two: days 64 and 128 apart take
        // the same slot, neighbouring days others; written interleaved, each must still carry its own date.
        var writer = new FlowJsonWriter();
        const long day = 86_400_000;
        var start = 1_700_000_000_000L;
        foreach (var offset in new long[] { 0, 64, 0, 128, 1, 65, -64, 0, 63, 127, 191, 64, -1, 4096, 0 })
        {
            var ms = start + offset * day + offset * 3_600_123;
            writer.Reset();
            writer.UtcMilliseconds(ms);
            Assert.Equal("\"" + DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"",
                Encoding.UTF8.GetString(writer.Written));
        }
    }
}
