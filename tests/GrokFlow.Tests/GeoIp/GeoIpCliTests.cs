using System.Diagnostics;
using System.Text.Json.Nodes;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.GeoIp;

/// <summary><c>--geoip-database</c> on <c>grokflow parse</c> and <c>grokflow run</c>, run as the executable (built beside the tests).</summary>
public sealed class GeoIpCliTests : IDisposable
{
    private const string Rules = """
        pipeline fw {
          grok message {
            match {
              line client %{ip:network.client.ip} %{word:action}
            }
          }
          geo-ip-parser {
          }
        }
        """;

    private readonly TestGeoIpDatabase _database = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("grokflow-geoip-cli-");

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        _database.Dispose();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// The runtime project's own build (same configuration as the tests): the copy beside the tests resolves the
    /// Microsoft.Extensions assemblies through the tests' ASP.NET Core framework reference and cannot start alone.
    /// </summary>
    private static string GrokflowDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Combine(RepositoryPaths.Root, "runtime", "bin", framework.Parent!.Name, framework.Name, "grokflow.dll");
        }
    }

    private static async Task<(int Exit, string Out, string Err)> GrokflowAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(GrokflowDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("DD_API_KEY");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    [Fact]
    public async Task Parse_locates_addresses_in_the_given_database()
    {
        var rules = Write("fw.rules", Rules);
        var input = Write("in.log", "client 185.64.148.0 allow\nclient 10.1.2.3 deny\n");

        var (exit, output, error) = await GrokflowAsync("parse", "-r", rules, "-p", "fw", "-i", input, "--geoip-database", _database.Path);

        Assert.True(exit == 0, error);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("Paris", events[0]["network"]!["client"]!["geoip"]!["city"]!["name"]!.GetValue<string>());
        Assert.Equal("{}", events[1]["network"]!["client"]!["geoip"]!.ToJsonString());
        Assert.DoesNotContain("geo-ip-parser", error);
    }

    [Fact]
    public async Task Parse_without_a_database_skips_the_step_and_says_so_once()
    {
        var rules = Write("fw.rules", Rules);
        var input = Write("in.log", "client 185.64.148.0 allow\nclient 185.64.148.1 allow\n");

        var (exit, output, error) = await GrokflowAsync("parse", "-r", rules, "-p", "fw", "-i", input);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("geoip", output);
        Assert.Contains("\"ip\":\"185.64.148.1\"", output);
        var notices = error.Split('\n').Where(l => l.Contains("geo-ip-parser")).ToList();
        Assert.Equal(
            ["grokflow: pipeline fw has a geo-ip-parser but no GeoIP database is configured, so it is skipped (events get no location); pass --geoip-database PATH (a MaxMind .mmdb file)"],
            notices);
    }

    [Fact]
    public async Task Parse_refuses_a_missing_database()
    {
        var rules = Write("fw.rules", Rules);
        var missing = Path.Combine(_folder.FullName, "missing.mmdb");

        var (exit, _, error) = await GrokflowAsync("parse", "-r", rules, "-p", "fw", "--geoip-database", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"GeoIP database not found: {missing}", error);
    }

    [Fact]
    public async Task Run_takes_the_database_as_the_GeoIp_Database_setting()
    {
        var missing = Path.Combine(_folder.FullName, "missing.mmdb");

        var (exit, _, error) = await GrokflowAsync("run", "--geoip-database", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"GeoIp:Database: file not found: {missing}", error);
    }

    [Fact]
    public async Task Help_lists_the_switch()
    {
        Assert.Contains("--geoip-database", (await GrokflowAsync("run", "--help")).Out);
        Assert.Contains("--geoip-database", (await GrokflowAsync("parse", "--help")).Out);
    }
}
