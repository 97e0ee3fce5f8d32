using System.Text;
using GrokFlow.Engine.Values;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// The per-value path allocates nothing once warm: measured with the thread's exact allocation counter, not timed.
/// </summary>
public sealed class ValueAllocationTests
{
    [Theory]
    [InlineData("EEE MMM dd HH:mm:ss yyyy", "Europe/Paris", "Thu Jun 16 08:29:03 2016")]
    [InlineData("dd/MMM/yyyy:HH:mm:ss Z", null, "06/Mar/2013:01:36:30 +0900")]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS z", null, "2007-08-31 19:22:22.427 CET")]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS z", null, "2007-08-31 19:22:22.427 ADT")]
    [InlineData("MMM dd HH:mm:ss", "America/New_York", "Sep 06 09:13:38")]
    [InlineData("hh:mm:ss a", null, "02:20:15 PM")]
    public void DateParsingAllocatesNothing(string pattern, string? timeZone, string text)
    {
        var format = Compile(pattern, timeZone);
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.True(format.TryParse(utf8, Clock2031, out _)); // warm: first sight of a zone id is remembered

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) format.TryParse(utf8, Clock2031, out _);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void NumberAndFilterHelpersAllocateNothing()
    {
        var scratch = new byte[64];
        var text = Encoding.UTF8.GetBytes("École 12.5");
        GrokNumbers.TryParseNumber("12.5"u8, out _);
        GrokCaseMapping.ToUpper(text, scratch);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            GrokNumbers.TryParseInteger("-12345"u8, out _);
            GrokNumbers.TryParseNumber("12.5"u8, out _);
            GrokNumbers.TryParseIntegerExt("-1e+2"u8, out _);
            GrokNumbers.TryFormatNumber(202000000.0, scratch, out _);
            GrokBoolean.TryParse("TRUE"u8, out _);
            GrokCaseMapping.ToUpper(text, scratch);
            GrokCaseMapping.ToLower(text, scratch);
            GrokScale.TryScale("0.202"u8, 1e9, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
