using System.Diagnostics;
using System.Text;
using GrokFlow.Tests.Host;
using GrokFlow.Tests.TestIntake;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Events;

/// <summary>
/// The same syslog lines, with the same source context (service, source, tags, and the sender's address as the host),
/// sent to the real host (out to a fake intake) and given to <c>grokflow parse --format intake</c> (the real executable)
/// give byte-identical events: a grok-only pipeline (qnap) and pipelines with processors (nginx, postfix), lines with
/// RFC 3164 and RFC 5424 headers, structured data, no header, and a line no pipeline parses.
/// </summary>
public sealed class HostAndParseEventsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HostTestSettings _settings = new();

    private sealed record SourceCase(string Name, string Pipeline, string Service, string Source, string[] Tags, string[] Lines);

    private static readonly SourceCase[] Sources =
    [
        new("qnap", "qnap", "qnap-nas", "qnap", ["env:test"],
        [
            .. HostTestSettings.QnapLines(3),
            "<11>Oct 30 20:24:25 qnap-nas01 kernel: disk full",
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\"] An application event",
            "a line with no syslog header at all",
        ]),
        new("web", "nginx", "web", "nginx", ["env:test", "team:a"], [.. File.ReadLines(Path.Combine(RepositoryPaths.Root, "rules", "nginx.samples.log")).Where(l => l.Length > 0).Take(6)]),
        new("mail", "postfix", "mail", "postfix", ["env:test"], [.. File.ReadLines(Path.Combine(RepositoryPaths.Root, "rules", "postfix.samples.log")).Where(l => l.Length > 0).Take(4)]),
    ];

    [Fact]
    public async Task Host_and_parse_write_the_same_bytes_for_the_same_line_and_context()
    {
        await using var intake = await TestIntakeServer.StartAsync();
        var settings = _settings.ForIntake(intake.BaseAddress);
        for (var i = 0; i < Sources.Length; i++)
        {
            var source = Sources[i];
            settings[$"Sources:{i}:Name"] = source.Name;
            settings[$"Sources:{i}:Type"] = "Syslog";
            settings[$"Sources:{i}:Bind"] = "127.0.0.1";
            settings[$"Sources:{i}:Port"] = "0";
            settings[$"Sources:{i}:Service"] = source.Service;
            settings[$"Sources:{i}:Source"] = source.Source;
            for (var t = 0; t < source.Tags.Length; t++) settings[$"Sources:{i}:Tags:{t}"] = source.Tags[t];
        }
        var expectedCount = Sources.Sum(s => s.Lines.Length);
        await using (var host = await RunningHost.StartWithBuiltInPipelinesAsync(settings))
        {
            foreach (var source in Sources) await host.SendLinesAsync(source.Name, source.Lines);
            await host.WaitUntilAsync(() => intake.AcceptedEventCount >= expectedCount, Patience, $"{expectedCount} events at the intake");
            await host.StopAsync();
        }
        var shipped = intake.AcceptedEvents;
        Assert.Equal(expectedCount, shipped.Count);

        foreach (var source in Sources)
        {
            var fromHost = shipped.Where(e => e.GetProperty("ddsource").GetString() == source.Source).Select(e => e.GetRawText()).Order(StringComparer.Ordinal).ToList();
            var fromParse = Parse(source).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(source.Lines.Length, fromHost.Count);
            Assert.Equal(fromHost, fromParse);
        }
        // The events carry what the pipelines extracted, not only the fields both sides add alike.
        Assert.Contains(shipped, e => e.TryGetProperty("user", out _));
        Assert.Contains(shipped, e => e.TryGetProperty("http", out _));
        Assert.Contains(shipped, e => e.TryGetProperty("timestamp", out _));
    }

    /// <summary><c>grokflow parse --pipeline P --service S --source X --host 127.0.0.1 --tags ...</c> with the lines on standard input.</summary>
    private static List<string> Parse(SourceCase source)
    {
        var directory = RuntimeOutput();
        var appHost = Path.Combine(directory, "grokflow");
        var start = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(directory, "grokflow.dll") } };
        foreach (var argument in (string[])["parse", "--pipeline", source.Pipeline, "--service", source.Service, "--source", source.Source, "--host", "127.0.0.1", "--tags", string.Join(',', source.Tags)])
            start.ArgumentList.Add(argument);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput)
        {
            input.NewLine = "\n";
            foreach (var line in source.Lines) input.WriteLine(line);
        }
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Patience), "grokflow parse did not finish");
        Assert.True(process.ExitCode == 0, error.Result);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string RuntimeOutput()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryPaths.Root, "runtime", "bin", tfm.Parent!.Name, tfm.Name);
    }

    public void Dispose() => _settings.Dispose();
}
