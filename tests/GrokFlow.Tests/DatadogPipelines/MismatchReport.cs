using System.Text;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary>
/// The report a corpus conformance test writes beside the test binaries (TestResults/NAME): its summary lines, any
/// notes, then every difference grouped by cause, largest group first. The summary also goes to the test output.
/// </summary>
public sealed class MismatchReport(string fileName)
{
    private readonly List<string> _summary = [];
    private readonly List<string> _notes = [];
    private readonly List<(string Cause, string Line)> _differences = [];

    public string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);

    public void Summary(string line) => _summary.Add(line);

    public void Note(string line) => _notes.Add(line);

    public void Difference(string integration, int sample, string cause, string detail) =>
        _differences.Add((cause, $"{integration} sample {sample}: {detail}"));

    /// <summary>Writes the file and the summary (to the test output and the runner's diagnostics).</summary>
    public void Write(ITestOutputHelper output)
    {
        var text = new StringBuilder();
        foreach (var line in _summary) text.Append("# ").Append(line).Append('\n');
        foreach (var line in _notes) text.Append(line).Append('\n');
        foreach (var group in _differences.GroupBy(d => d.Cause).OrderByDescending(g => g.Count()))
        {
            text.Append("== ").Append(group.Key).Append(" (").Append(group.Count()).Append(")\n");
            foreach (var (_, line) in group) text.Append(line).Append('\n');
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, text.ToString());
        foreach (var line in _summary) output.WriteLine(line);
        output.WriteLine($"mismatches by cause: {Path}");
        TestContext.Current.SendDiagnosticMessage(string.Join(" | ", _summary));
    }
}
