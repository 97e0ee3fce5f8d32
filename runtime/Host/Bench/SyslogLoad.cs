using System.Text;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// QNAP syslog lines shaped like shared/bench/gen_qnap.py's (conn log ~60%, event log ~35%, other daemons ~5%),
/// deterministic, packed one or more lines per datagram.
/// </summary>
internal static class SyslogLoad
{
    private static readonly string[] Users = ["admin", "alice", "bob", "carol_w", "dave", "guest", "backup_svc", "jsmith"];
    private static readonly string[] Hosts = ["NAS01", "qnap-nas01", "TS-453D", "nas.home.lan"];
    private static readonly string[] Types = ["SAMBA", "Samba", "FTP", "HTTP", "AFP", "SSH", "NFS"];
    private static readonly string[] Actions = ["Read", "Write", "Delete", "Login OK", "Logout"];

    public static IReadOnlyList<byte[]> Datagrams(int count, int linesPerDatagram)
    {
        var random = new Random(42);
        var datagrams = new List<byte[]>(count);
        for (var d = 0; d < count; d++)
        {
            var text = new StringBuilder();
            for (var l = 0; l < linesPerDatagram; l++)
            {
                if (l > 0) text.Append('\n');
                text.Append(Line(random));
            }
            datagrams.Add(Encoding.UTF8.GetBytes(text.ToString()));
        }
        return datagrams;
    }

    private static string Line(Random r)
    {
        var head = $"<30>Oct {r.Next(1, 31),2} {r.Next(24):D2}:{r.Next(60):D2}:{r.Next(60):D2} {Hosts[r.Next(Hosts.Length)]} qulogd[{r.Next(1000, 30000)}]:";
        var user = Users[r.Next(Users.Length)];
        var ip = $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(1, 255)}";
        return r.Next(100) switch
        {
            < 60 => $"{head} conn log: Users: {user}, Source IP: {ip}, Computer name: pc-{r.Next(100)}, Connection type: {Types[r.Next(Types.Length)]}, Accessed resources: Public/folder{r.Next(50)}, Action: {Actions[r.Next(Actions.Length)]}",
            < 95 => $"{head} event log: Users: {user}, Source IP: {ip}, Computer name: localhost, Content: [Antivirus] Virus definitions updated {r.Next(10000)}.",
            _ => $"<38>Oct {r.Next(1, 31),2} 10:00:00 {Hosts[r.Next(Hosts.Length)]} sshd[{r.Next(100, 999)}]: Accepted publickey for {user} from {ip} port {r.Next(1024, 65535)}",
        };
    }
}
