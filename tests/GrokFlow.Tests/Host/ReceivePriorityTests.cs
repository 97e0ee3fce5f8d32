using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A source's receive threads run at their configured nice value (<c>Sources:N:ReceiveThreadNice</c>), read back from
/// the kernel. A higher value than the process's needs no privilege, so the check holds wherever the suite runs.
/// </summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class ReceivePriorityTests : IDisposable
{
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task ReceiveThreadsRunAtTheConfiguredNiceValue()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Sources:0:Workers", "2"), ("Sources:0:ReceiveThreadNice", "3")));
        await host.SendLinesAsync("qnap", HostTestSettings.QnapLines(1));
        await host.WaitUntilAsync(() => host.Metrics.Datagrams == 1, TimeSpan.FromSeconds(20), "one datagram received");

        var threads = ThreadNiceValues().Where(t => t.Name.StartsWith("grokflow qnap#", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, threads.Length);
        Assert.All(threads, t => Assert.Equal(3, t.Nice));
        // The rest of the process keeps its own priority.
        Assert.Contains(ThreadNiceValues(), t => !t.Name.StartsWith("grokflow ", StringComparison.Ordinal) && t.Nice != 3);
    }

    /// <summary>Each thread of this process: its name and nice value (field 19 of /proc/self/task/TID/stat).</summary>
    private static IEnumerable<(string Name, int Nice)> ThreadNiceValues()
    {
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue;   // the thread ended meanwhile
            }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            yield return (stat[(open + 1)..close], int.Parse(fields[19 - 3]));
        }
    }

    public void Dispose() => _settings.Dispose();
}
