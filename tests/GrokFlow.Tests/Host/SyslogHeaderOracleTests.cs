using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Runtime.Syslog;

namespace GrokFlow.Tests.Host;

/// <summary>
/// <see cref="SyslogHeaderReader"/> on random RFC 3164 lines (well-formed and broken) against the header's grammar
/// written as regexes, field by field, offset by offset.
/// </summary>
public sealed class SyslogHeaderOracleTests
{
    // Lines are read as Latin-1, so that a character offset is the byte offset.
    private static readonly Regex Priority = new(@"\A<([0-9]{1,3})>");
    private static readonly Regex Version = new(@"\G[0-9]{1,3} ");
    private static readonly Regex Rfc3339Start = new(@"\G[0-9]{4}");
    private static readonly Regex Token = new(@"\G[^ ]*");
    private static readonly Regex BsdTimestamp = new(@"\G(?=[\s\S]{15})(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?: [0-9]{1,2}|[0-9]{1,2}) [0-9]{2}:[0-9]{2}:[0-9]{2}");
    private static readonly Regex Tag = new(@"\G(?<tag>[\x21-\x7E-[\[:]]{0,48})(?:\[(?<pid>[^\]]*)\])?(?<colon>: ?)?");

    [Fact]
    public void RandomBsdLinesGiveTheFieldsTheGrammarGives()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 40_000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(RandomLine(random));
            var line = Encoding.Latin1.GetString(bytes);
            var header = SyslogHeaderReader.Read(bytes);
            var expected = Oracle(line);
            if (expected is null)
            {
                Assert.Equal(SyslogFormat.Rfc5424, header.Format);
                continue;
            }

            Assert.True(expected.Value == Offsets(header), $"{line}: expected {expected.Value}, got {Offsets(header)}");
        }
    }

    [Fact]
    public void EveryByteInEveryPlaceOfTheClockTimeIsJudgedAsTheGrammarJudgesIt()
    {
        var template = Encoding.Latin1.GetBytes("<30>Jan 10 00:00:40 NAS01 qlogd[9024]: conn log");
        const int clockStart = 11;
        for (var place = clockStart; place < clockStart + 8; place++)
        {
            for (var value = 0; value < 256; value++)
            {
                var bytes = (byte[])template.Clone();
                bytes[place] = (byte)value;
                var line = Encoding.Latin1.GetString(bytes);
                Assert.True(Oracle(line)!.Value == Offsets(SyslogHeaderReader.Read(bytes)), $"byte {value} at {place}: {line}");
            }
        }
    }

    /// <summary>The fields as (start, end) pairs, (0, 0) for a missing one; null for an RFC 5424 line (not modelled here).</summary>
    private static Fields? Oracle(string line)
    {
        var priorityMatch = Priority.Match(line);
        var priority = priorityMatch.Success && int.Parse(priorityMatch.Groups[1].Value) <= 191 ? int.Parse(priorityMatch.Groups[1].Value) : -1;
        var position = priority >= 0 ? priorityMatch.Length : 0;
        if (priority >= 0 && Version.Match(line, position).Success) return null;

        (int, int) timestamp = default;
        if (Rfc3339Start.Match(line, position).Success)
        {
            var token = Token.Match(line, position);
            if (token.Length >= 10 && line[position + 4] == '-') timestamp = (position, position + token.Length);
        }
        else
        {
            var bsd = BsdTimestamp.Match(line, position);
            if (bsd.Success) timestamp = (position, position + bsd.Length);
        }
        if (timestamp == default)
            return priority < 0
                ? new Fields(SyslogFormat.None, -1, default, default, default, default, (0, line.Length))
                : new Fields(SyslogFormat.Rfc3164, priority, default, default, default, default, (position, line.Length));
        position = SkipOneSpace(line, timestamp.Item2);

        (int, int) hostname = default;
        var first = Token.Match(line, position);
        if (first.Length > 0 && !first.Value.EndsWith(':') && !first.Value.Contains('['))
        {
            hostname = (position, position + first.Length);
            position = SkipOneSpace(line, hostname.Item2);
        }

        var tag = Tag.Match(line, position);
        (int, int) appName = default, procId = default;
        if (tag.Groups["tag"].Length > 0 && tag.Groups["colon"].Success)
        {
            appName = Span(tag.Groups["tag"]);
            if (tag.Groups["pid"].Success && tag.Groups["pid"].Length > 0) procId = Span(tag.Groups["pid"]);
            position = tag.Index + tag.Length;
        }
        return new Fields(SyslogFormat.Rfc3164, priority, timestamp, hostname, appName, procId, (position, line.Length));
    }

    private static int SkipOneSpace(string line, int end) => end < line.Length && line[end] == ' ' ? end + 1 : end;

    private static (int, int) Span(Group group) => (group.Index, group.Index + group.Length);

    private static Fields Offsets(SyslogHeader h) =>
        new(h.Format, h.Priority, Offsets(h.Timestamp), Offsets(h.Hostname), Offsets(h.AppName), Offsets(h.ProcId), (h.Message.Start.Value, h.Message.End.Value));

    private static (int, int) Offsets(Range range) => SyslogHeader.IsPresent(range) ? (range.Start.Value, range.End.Value) : default;

    private readonly record struct Fields(SyslogFormat Format, int Priority, (int, int) Timestamp, (int, int) Hostname, (int, int) AppName, (int, int) ProcId, (int, int) Message);

    private static string RandomLine(Random random)
    {
        string Pick(params string[] choices) => choices[random.Next(choices.Length)];
        var line = new StringBuilder()
            .Append(Pick("<30>", "<30>", "<13>", "<191>", "<192>", "<030>", "<1234>", "<>", "<3", "", "<0>", "<30>1 "))
            .Append(Pick("Jan 10 00:00:40", "Feb  5 01:02:03", "Feb 5 01:02:03", "Dec 31 23:59:59", "Mar 123 00:00:00", "Xyz 10 00:00:40",
                "jan 10 00:00:40", "Jan 10 00:0:40", "Jan 10 0a:00:40", "Jan 5 1:02:03", "2024-05-01T10:00:00+02:00", "2024-05-01",
                "2024/05/01T10", "20240501", "1 2003-10-11T22:14:15Z", "", "Sep 9 12:00:00"))
            .Append(Pick(" ", " ", " ", "", "  "))
            .Append(Pick("NAS01 ", "nas.home.lan ", "", "host: ", "ho[st ", "山田 ", "h ", " ", "NAS01", "a\"b "))
            .Append(Pick("qlogd", "qulogd", "", new string('t', 50), new string('t', 48), "a\"b", "t:x", "cron", "ü"))
            .Append(Pick("[9024]", "[22295]", "", "[", "[]", "[a b]", "[9024", "]"))
            .Append(Pick(": ", ":", "", " ", ":  "))
            .Append(Pick("conn log: Users: alice", "", "x", "[1]: y"));
        for (var edits = random.Next(3) == 0 ? random.Next(1, 3) : 0; edits > 0 && line.Length > 0; edits--)
        {
            var at = random.Next(line.Length);
            if (random.Next(2) == 0) line.Remove(at, 1);
            else line.Insert(at, " :[]<>0aJ-é"[random.Next(11)]);
        }
        return line.ToString();
    }
}
