using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Generator;

/// <summary>
/// The size of what the source generator compiles (issue 9's measure, scripts/generator-size.sh): every Compile item
/// MSBuild gives for generator/GrokFlow.Generator.csproj, lines counted as <c>wc -l</c> does. docs/architecture-map.md
/// states the figure; it must be the measured one.
/// </summary>
public sealed partial class GeneratorSizeTests
{
    [Fact]
    public async Task TheDocumentedFigureIsWhatTheGeneratorCompiles()
    {
        var files = await CompileItemsAsync();
        var lines = files.Sum(f => File.ReadAllBytes(f).Count(b => b == (byte)'\n'));

        var map = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture-map.md"));
        var row = NowRow().Match(map);
        Assert.True(row.Success, "docs/architecture-map.md has no '| now ... | files | lines | share |' row");
        Assert.Equal(files.Count, int.Parse(row.Groups["files"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(lines, int.Parse(row.Groups["lines"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Contains($"Of the {lines:N0}:", map, StringComparison.Ordinal);
    }

    private static async Task<List<string>> CompileItemsAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var arg in new[] { "msbuild", "generator/GrokFlow.Generator.csproj", "-getItem:Compile" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        using var json = JsonDocument.Parse(await output);
        return [.. json.RootElement.GetProperty("Items").GetProperty("Compile").EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!)];
    }

    [GeneratedRegex(@"^\| now [^|]*\| (?<files>[0-9]+) \| (?<lines>[0-9,]+) \|", RegexOptions.Multiline)]
    private static partial Regex NowRow();
}
