using System.CommandLine;
using System.Globalization;
using GrokFlow.Runtime.Host.Bench;

namespace GrokFlow.Runtime.Cli;

/// <summary>
/// <c>grokflow bench</c>: the load command. Starts the real host and a local intake, sends syslog lines or NetFlow v9
/// flows on loopback at fixed rates, and reports the highest rate delivered with zero loss and the host's memory.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "syslog (QNAP lines) or netflow (NetFlow v9 flows).", DefaultValueFactory = _ => "syslog" };
        mode.AcceptOnlyFromAmong("syslog", "netflow");
        var rates = new Option<string?>("--rates") { Description = "Comma-separated events per second to try, in order (default: a ladder around the targets)." };
        var duration = new Option<int>("--duration") { Description = "Seconds of sending per rate.", DefaultValueFactory = _ => 10 };
        var lines = new Option<int>("--lines-per-datagram") { Description = "Syslog lines packed into one datagram (newline-separated).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--sender-threads") { Description = "Sending threads.", DefaultValueFactory = _ => 2 };
        var sockets = new Option<int>("--sender-sockets") { Description = "Sockets (distinct senders or exporters) per sending thread.", DefaultValueFactory = _ => 4 };
        var command = new Command("bench", """
            Drive the real grokflow host (started as a child process) with syslog lines or NetFlow v9 flows over UDP on
            loopback at fixed rates into a local intake. Every event carries a sequence number: per rate it reports sent,
            received, lost and duplicated events (by number), kernel drops, host CPU per delivered event, compressed bytes
            per event and peak resident memory; a sample of events is checked against what was sent; the final count is
            taken after the host stopped. Extra --Section:Key=value settings are
            passed to the host (e.g. --Datadog:CompressionLevel=1).
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(mode);
        command.Options.Add(rates);
        command.Options.Add(duration);
        command.Options.Add(lines);
        command.Options.Add(threads);
        command.Options.Add(sockets);
        command.SetAction(result =>
        {
            var chosen = result.GetValue(mode)!;
            var ladder = result.GetValue(rates) is { } text
                ? text.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray()
                : chosen == "netflow" ? [100_000, 200_000, 300_000, 400_000, 500_000, 600_000] : [50_000, 100_000, 150_000, 200_000, 250_000, 300_000];
            var shape = new SenderShape(Math.Max(1, result.GetValue(threads)), Math.Max(1, result.GetValue(sockets)));
            var run = new LoadRun(chosen, Math.Max(1, result.GetValue(lines)), TimeSpan.FromSeconds(result.GetValue(duration)), shape, [.. result.UnmatchedTokens], Console.Out);
            var steps = run.Run(ladder);
            return steps.Any(s => s.Lost == 0 && s.Duplicates == 0) ? 0 : 1;
        });
        return command;
    }
}
