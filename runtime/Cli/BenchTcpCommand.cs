using System.CommandLine;
using GrokFlow.Runtime.Host.Bench;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow bench-tcp</c>: syslog over TCP through the real host, end to end, as fast as it reads.</summary>
internal static class BenchTcpCommand
{
    public static Command Create()
    {
        var connections = new Option<int>("--connections") { Description = "TCP connections sending at once.", DefaultValueFactory = _ => 4 };
        var lines = new Option<long>("--lines") { Description = "QNAP lines to send in all.", DefaultValueFactory = _ => 2_000_000 };
        var framing = new Option<string>("--framing") { Description = "lf (a newline after each line) or octet (RFC 6587 octet counting).", DefaultValueFactory = _ => "lf" };
        framing.AcceptOnlyFromAmong("lf", "octet");
        var command = new Command("bench-tcp", """
            Drive the real grokflow host (a child process) with QNAP syslog lines over TCP on loopback into a local
            intake: the connections send as fast as the host reads (TCP pushes back), and the run reports lines per
            second from the first byte to the last event delivered, lost and duplicated lines counted by the sequence
            number each line carries (both must be 0), a content check of a sample, the host's CPU and peak RSS.
            Extra --Section:Key=value settings are passed to the host.
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(connections);
        command.Options.Add(lines);
        command.Options.Add(framing);
        command.SetAction(result =>
        {
            var run = new TcpLoadRun(Math.Max(1, result.GetValue(connections)), Math.Max(1, result.GetValue(lines)), result.GetValue(framing)!,
                [.. result.UnmatchedTokens], Console.Out);
            return run.Run().Exact ? 0 : 1;
        });
        return command;
    }
}
