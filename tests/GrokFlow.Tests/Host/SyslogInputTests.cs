using System.Text;
using GrokFlow.Runtime.Syslog;
using GrokFlow.Engine.Output;

namespace GrokFlow.Tests.Host;

public sealed class SyslogInputTests
{
    private static List<string> Lines(string datagram)
    {
        var lines = new List<string>();
        foreach (var line in new DatagramLines(Encoding.UTF8.GetBytes(datagram))) lines.Add(Encoding.UTF8.GetString(line));
        return lines;
    }

    [Fact]
    public void DatagramsSplitOnNewlinesDroppingCrNulAndEmptyLines() =>
        Assert.Equal(["a", "b c", "d"], Lines("a\r\n\nb c\r\nd\0\n\n"));

    [Fact]
    public void ADatagramWithoutNewlineIsOneLine() => Assert.Equal(["one line"], Lines("one line"));

    [Fact]
    public void ValidUtf8PassesThroughUntouched()
    {
        var repair = new Utf8Repair();
        var line = Encoding.UTF8.GetBytes("Büro-PC ✓");
        Assert.True(repair.Repair(line).SequenceEqual(line));
    }

    [Fact]
    public void InvalidSequencesBecomeReplacementCharacters()
    {
        var repair = new Utf8Repair();
        byte[] line = [(byte)'a', 0xC3, (byte)'(', 0xFF, (byte)'b', 0xE2, 0x82];
        Assert.Equal("a\uFFFD(\uFFFDb\uFFFD", Encoding.UTF8.GetString(repair.Repair(line)));
    }
}
