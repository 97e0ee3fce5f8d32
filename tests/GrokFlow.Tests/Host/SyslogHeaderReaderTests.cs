using System.Text;
using GrokFlow.Runtime.Syslog;

namespace GrokFlow.Tests.Host;

public sealed class SyslogHeaderReaderTests
{
    private static (SyslogHeader Header, string Text) Read(string line) => (SyslogHeaderReader.Read(Encoding.UTF8.GetBytes(line)), line);

    private static string Field(string line, Range range) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)[range]);

    [Fact]
    public void Rfc3164LineGivesPriorityTimestampHostTagAndPid()
    {
        var (h, line) = Read("<30>Oct 30 20:24:24 qnap-nas01 qulogd[14629]: conn log: Users: alice");
        Assert.Equal(SyslogFormat.Rfc3164, h.Format);
        Assert.Equal(30, h.Priority);
        Assert.Equal(6, h.Severity);
        Assert.Equal(3, h.Facility);
        Assert.Equal("Oct 30 20:24:24", Field(line, h.Timestamp));
        Assert.Equal("qnap-nas01", Field(line, h.Hostname));
        Assert.Equal("qulogd", Field(line, h.AppName));
        Assert.Equal("14629", Field(line, h.ProcId));
        Assert.Equal("conn log: Users: alice", Field(line, h.Message));
    }

    [Fact]
    public void Rfc3164WithSpacePaddedDayAndNoHostname()
    {
        var (h, line) = Read("<13>Feb  5 01:02:03 cron: job done");
        Assert.Equal("Feb  5 01:02:03", Field(line, h.Timestamp));
        Assert.False(SyslogHeader.IsPresent(h.Hostname));
        Assert.Equal("cron", Field(line, h.AppName));
        Assert.Equal("job done", Field(line, h.Message));
    }

    [Fact]
    public void Rfc5424LineGivesEveryHeaderFieldAndSkipsStructuredData()
    {
        var (h, line) = Read("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventID=\"1011\" x=\"a\\]b\"] An application event");
        Assert.Equal(SyslogFormat.Rfc5424, h.Format);
        Assert.Equal(165, h.Priority);
        Assert.Equal("2003-10-11T22:14:15.003Z", Field(line, h.Timestamp));
        Assert.Equal("mymachine.example.com", Field(line, h.Hostname));
        Assert.Equal("evntslog", Field(line, h.AppName));
        Assert.False(SyslogHeader.IsPresent(h.ProcId));
        Assert.Equal("ID47", Field(line, h.MsgId));
        Assert.Equal("An application event", Field(line, h.Message));
    }

    [Fact]
    public void Rfc3339TimestampInABsdHeaderIsRecognised()
    {
        var (h, line) = Read("<34>2024-05-01T10:00:00+02:00 router sshd[7]: Accepted");
        Assert.Equal(SyslogFormat.Rfc3164, h.Format);
        Assert.Equal("2024-05-01T10:00:00+02:00", Field(line, h.Timestamp));
        Assert.Equal("router", Field(line, h.Hostname));
        Assert.Equal("sshd", Field(line, h.AppName));
    }

    [Theory]
    [InlineData("just some text")]
    [InlineData("<999>Oct 30 20:24:24 host app: too high a priority")]
    [InlineData("<30")]
    [InlineData("")]
    public void LinesWithoutAHeaderAreShippedAsTheyAre(string text)
    {
        var (h, _) = Read(text);
        Assert.Equal(SyslogFormat.None, h.Format);
        Assert.False(h.HasPriority);
    }

    [Fact]
    public void PriorityWithoutTimestampKeepsThePriority()
    {
        var (h, line) = Read("<11>kernel panic");
        Assert.Equal(11, h.Priority);
        Assert.Equal("kernel panic", Field(line, h.Message));
    }
}
