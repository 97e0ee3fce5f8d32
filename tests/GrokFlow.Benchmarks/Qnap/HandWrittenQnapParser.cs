using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>
/// The two QNAP rules of rules/qnap.rules written by hand the way a .NET developer would: one source-generated regex
/// per rule with named groups, the line decoded to a string, numbers and the date converted from the captures, the
/// attributes written with <see cref="Utf8JsonWriter"/>. The baseline the generated parser is compared with.
/// Character classes are spelled out because Datadog's <c>\w</c> and digits are ASCII while .NET's are Unicode;
/// the IP pattern is a plain approximation of Datadog's (IPv4, or hex groups with colons).
/// </summary>
public sealed partial class HandWrittenQnapParser(TimeProvider clock) : IGrokPipeline
{
    private const string Header =
        @"^<(?<priority>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))>(?<date>[A-Za-z]{3} [0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2})\s+" +
        @"(?<host>[A-Za-z0-9._:-]+)\s+(?<process_name>[A-Za-z0-9_]+)\[(?<process_id>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\]: ";

    private const string UserAndSource =
        @"log:\s+Users:\s+(?<user>[A-Za-z0-9_]+),\s+Source\s+IP:\s+(?<source_ip>[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)," +
        @"\s+Computer\s+name:\s+(?<computer_name>.*?),";

    [GeneratedRegex(Header + @"conn\s+" + UserAndSource +
        @"\s+Connection\s+type:\s+(?<connection_type>[A-Za-z0-9_]+),\s+Accessed\s+resources:\s+(?<accessed_resources>.*?),\s+Action:\s+(?<action>.*)$")]
    private static partial Regex ConnLog();

    [GeneratedRegex(Header + @"event\s+" + UserAndSource + @"\s+Content:\s+(?<msg>.*)$")]
    private static partial Regex EventLog();

    public string Id => "qnap";
    public string Title => "QNAP NAS (hand-written regex)";
    public string Filter => "service:qnap-nas";

    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
    {
        var line = Encoding.UTF8.GetString(message);

        var conn = ConnLog().Match(line);
        if (conn.Success)
        {
            WriteHeader(conn, writer);
            WriteText(writer, "connection_type", conn.Groups["connection_type"]);
            WriteText(writer, "accessed_resources", conn.Groups["accessed_resources"]);
            WriteText(writer, "action", conn.Groups["action"]);
            return new GrokResult(GrokStatus.Matched, 0, "QNAP_Conn");
        }

        var evt = EventLog().Match(line);
        if (evt.Success)
        {
            WriteHeader(evt, writer);
            WriteText(writer, "msg", evt.Groups["msg"]);
            return new GrokResult(GrokStatus.Matched, 1, "QNAP_Event");
        }

        return GrokResult.NoMatch;
    }

    private void WriteHeader(Match match, Utf8JsonWriter writer)
    {
        WriteNumber(writer, "priority", match.Groups["priority"]);
        WriteDate(writer, "date", match.Groups["date"]);
        WriteText(writer, "host", match.Groups["host"]);
        WriteText(writer, "process_name", match.Groups["process_name"]);
        WriteNumber(writer, "process_id", match.Groups["process_id"]);
        WriteText(writer, "user", match.Groups["user"]);
        WriteText(writer, "source_ip", match.Groups["source_ip"]);
        WriteText(writer, "computer_name", match.Groups["computer_name"]);
    }

    // Datadog leaves out an attribute whose capture is empty.
    private static void WriteText(Utf8JsonWriter writer, string name, Group group)
    {
        if (group.Length > 0) writer.WriteString(name, group.ValueSpan);
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, Group group)
    {
        if (double.TryParse(group.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            writer.WriteNumber(name, number);
    }

    // The syslog date has no year: Datadog takes the current one (UTC).
    private void WriteDate(Utf8JsonWriter writer, string name, Group group)
    {
        var text = clock.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture) + " " + group.Value;
        if (DateTime.TryParseExact(text, "yyyy MMM dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            writer.WriteNumber(name, new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds());
    }
}
