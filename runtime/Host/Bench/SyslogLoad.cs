using System.Text;
using System.Text.Json;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// QNAP syslog lines shaped like shared/bench/gen_qnap.py's (conn log ~60%, event log ~35%, other daemons ~5%),
/// deterministic, packed one or more lines per datagram. Like a device's (and gen_qnap.py's), the lines are stamped in
/// time order on one day, four a second, starting at 08:00:00 (after 16 hours the clock starts again at 08:00:00).
/// </summary>
internal sealed class SyslogLoad : BenchLoad
{
    private const int Digits = 10;
    private static readonly string[] Users = ["admin", "alice", "bob", "carol_w", "dave", "guest", "backup_svc", "jsmith"];
    private static readonly string[] Hosts = ["NAS01", "qnap-nas01", "TS-453D", "nas.home.lan"];
    private static readonly string[] Types = ["SAMBA", "Samba", "FTP", "HTTP", "AFP", "SSH", "NFS"];
    private static readonly string[] Actions = ["Read", "Write", "Delete", "Login OK", "Logout"];

    // The sequence number is stamped as the process id ("qulogd[0000000042]"): it reaches the intake inside "message"
    // and "syslog.procid" without changing what the QNAP pipeline parses.
    private readonly List<byte[]> _templates = [];
    private readonly List<int[]> _stampAt = [];
    private readonly List<string[]> _lines = [];
    private readonly int _linesPerDatagram;

    public SyslogLoad(int count, int linesPerDatagram)
    {
        _linesPerDatagram = linesPerDatagram;
        var random = new Random(42);
        for (var d = 0; d < count; d++)
        {
            var text = new StringBuilder();
            var lines = new string[linesPerDatagram];
            var stamps = new int[linesPerDatagram];
            for (var l = 0; l < linesPerDatagram; l++)
            {
                if (l > 0) text.Append('\n');
                lines[l] = Line(random, StampOf((d * linesPerDatagram) + l));
                stamps[l] = text.Length + lines[l].IndexOf('[') + 1;
                text.Append(lines[l]);
            }
            _templates.Add(Encoding.ASCII.GetBytes(text.ToString()));
            _stampAt.Add(stamps);
            _lines.Add(lines);
        }
    }

    /// <summary>The datagrams as generated (sequence numbers all zero).</summary>
    public IReadOnlyList<byte[]> Templates => _templates;

    public override string Unit => "lines";
    public override int EventsPerDatagram => _linesPerDatagram;
    public override int TemplateCount => _templates.Count;
    protected override byte[] Template(int index) => _templates[index];
    public override ReadOnlySpan<byte> SequenceKey => "\"message\":\""u8;
    public override byte DigitsAfter => (byte)'[';

    public override void Stamp(Span<byte> datagram, long firstSequence, uint datagramSequence)
    {
        var stamps = _stampAt[(int)(firstSequence / EventsPerDatagram % TemplateCount)];
        for (var l = 0; l < stamps.Length; l++) WriteDigits(datagram.Slice(stamps[l], Digits), firstSequence + l);
    }

    public override string? Check(JsonElement e, long sequence)
    {
        var template = _lines[(int)(sequence / EventsPerDatagram % TemplateCount)][(int)(sequence % EventsPerDatagram)];
        var stamp = sequence.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        var expected = template.Replace("[" + new string('0', Digits) + "]", "[" + stamp + "]");
        var host = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        if (e.GetProperty("message").GetString() != expected) return $"message of {sequence} differs: {e.GetProperty("message")}";
        if (!e.TryGetProperty("hostname", out var hostname) || hostname.GetString() != host) return $"hostname of {sequence} is not {host}";
        if (e.GetProperty("syslog").GetProperty("procid").GetString() != stamp) return $"syslog.procid of {sequence} is not {stamp}";
        if (!e.TryGetProperty("ddsource", out var source) || source.GetString() != "qnap") return $"ddsource of {sequence} is not qnap";
        // Whatever the QNAP pipeline parsed must come from this line (not from another event in the batch).
        var user = Users.FirstOrDefault(u => expected.Contains($"Users: {u},", StringComparison.Ordinal));
        if (e.TryGetProperty("user", out var parsed) && parsed.GetString() != user)
            return $"event {sequence} carries user {parsed.GetString()}, its line has {user}";
        return null;
    }

    private static void WriteDigits(Span<byte> into, long value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
    }

    /// <summary>The BSD timestamp of the line at <paramref name="index"/>: day 10, as gen_qnap.py's days (the QNAP rule's
    /// date("MMM dd ...") does not take RFC 3164's space-padded " 5"), four lines a second from 08:00:00.</summary>
    internal static string StampOf(int index)
    {
        var time = TimeSpan.FromHours(8) + TimeSpan.FromSeconds(index / 4 % (16 * 3600));
        return $"Oct 10 {time.Hours:D2}:{time.Minutes:D2}:{time.Seconds:D2}";
    }

    private static string Line(Random r, string stamp)
    {
        var host = Hosts[r.Next(Hosts.Length)];
        var pid = new string('0', Digits);
        var head = $"<30>{stamp} {host} qulogd[{pid}]:";
        var user = Users[r.Next(Users.Length)];
        var ip = $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}";
        return r.Next(100) switch
        {
            < 60 => $"{head} conn log: Users: {user}, Source IP: {ip}, Computer name: pc-{r.Next(100)}, Connection type: {Types[r.Next(Types.Length)]}, Accessed resources: Public/folder{r.Next(50)}, Action: {Actions[r.Next(Actions.Length)]}",
            < 95 => $"{head} event log: Users: {user}, Source IP: {ip}, Computer name: localhost, Content: [Antivirus] Virus definitions updated {r.Next(10000)}.",
            _ => $"<38>{stamp} {host} sshd[{pid}]: Accepted publickey for {user} from {ip} port {r.Next(1024, 65535)}",
        };
    }
}
