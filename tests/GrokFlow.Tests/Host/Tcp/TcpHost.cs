using GrokFlow.Runtime.Sources.Tcp;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host.Tcp;

/// <summary>A running host with a TCP (or TLS) syslog source named "tcp" beside the UDP one, shipping to a test intake.</summary>
internal static class TcpHost
{
    public static Task<RunningHost> StartAsync(HostTestSettings settings, TestIntakeServer intake, string protocol = "tcp", params (string Key, string? Value)[] more) =>
        RunningHost.StartAsync(settings.ForIntake(intake.BaseAddress, [
            ("Sources:1:Name", "tcp"),
            ("Sources:1:Type", "Syslog"),
            ("Sources:1:Protocol", protocol),
            ("Sources:1:Bind", "127.0.0.1"),
            ("Sources:1:Port", "0"),
            ("Sources:1:Service", "qnap-nas"),
            ("Sources:1:Source", "qnap"),
            .. more]));

    public static TcpSourceCounters Counters(this RunningHost host) => host.Service<TcpSourceMetrics>().Source("tcp");
}
