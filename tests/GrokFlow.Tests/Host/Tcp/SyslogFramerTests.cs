using System.Buffers;
using System.Text;
using GrokFlow.Runtime.Sources.Tcp;

namespace GrokFlow.Tests.Host.Tcp;

public sealed class SyslogFramerTests
{
    [Theory]
    [InlineData("5 <13>a10 <13>bbbbbb", "<13>a|<13>bbbbbb", "octet-counting")]
    [InlineData("<13>a\n<13>b\r\n<13>c\n", "<13>a|<13>b\r|<13>c", "lf")]
    [InlineData("2026-12-06 no priority\n<13>b\n", "2026-12-06 no priority|<13>b", "lf")]
    [InlineData("5 <13>a\n6 <13>bb\r\n", "<13>a|<13>bb", "octet-counting")]
    public void FramingIsDetectedFromTheFirstFrameAndFramesComeOutWhateverTheSegmentation(string stream, string expected, string framing)
    {
        var bytes = Encoding.UTF8.GetBytes(stream);
        for (var split = 1; split < bytes.Length; split++)
        {
            var framer = new SyslogFramer(1024);
            var frames = new List<string>();
            var pending = Array.Empty<byte>();
            foreach (var chunk in new[] { bytes[..split], bytes[split..] })
            {
                var buffer = new ReadOnlySequence<byte>([.. pending, .. chunk]);
                while (framer.TryRead(ref buffer, out var frame, out _) == FrameStatus.Frame) frames.Add(Encoding.UTF8.GetString(frame));
                pending = buffer.ToArray();
            }
            Assert.Equal(expected, string.Join("|", frames));
            Assert.Equal(framing, framer.Framing);
        }
    }

    [Fact]
    public void AnOversizeCountedFrameIsCutAndTheRestSkippedAsItArrives()
    {
        var framer = new SyslogFramer(1024);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("3000 " + new string('x', 1500)));
        Assert.Equal(FrameStatus.Frame, framer.TryRead(ref buffer, out var frame, out var truncated));
        Assert.Equal((1024L, true), (frame.Length, truncated));
        Assert.Equal(FrameStatus.NeedMore, framer.TryRead(ref buffer, out _, out _));
        Assert.True(buffer.IsEmpty);
        buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('y', 1500) + "4 <1>z"));
        Assert.Equal(FrameStatus.Frame, framer.TryRead(ref buffer, out frame, out truncated));
        Assert.Equal(("<1>z", false), (Encoding.ASCII.GetString(frame), truncated));
    }

    [Theory]
    [InlineData("5 <13>a12x4 <13>b")]
    [InlineData("5 <13>a0 ")]
    [InlineData("5 <13>a1234567890 <13>b")]
    public void AGarbageLengthPrefixInACountedStreamBreaksIt(string stream)
    {
        var framer = new SyslogFramer(1024);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(stream));
        Assert.Equal(FrameStatus.Frame, framer.TryRead(ref buffer, out _, out _));
        Assert.Equal(FrameStatus.BadLengthPrefix, framer.TryRead(ref buffer, out _, out _));
    }

    [Fact]
    public void AnOversizeLineIsCutAndSkippedToItsEnd()
    {
        var framer = new SyslogFramer(1024);
        var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("<13>" + new string('x', 3000) + "\n<13>next\n"));
        Assert.Equal(FrameStatus.Frame, framer.TryRead(ref buffer, out var frame, out var truncated));
        Assert.Equal((1024L, true), (frame.Length, truncated));
        Assert.Equal(FrameStatus.Frame, framer.TryRead(ref buffer, out frame, out truncated));
        Assert.Equal(("<13>next", false), (Encoding.ASCII.GetString(frame), truncated));
    }
}
