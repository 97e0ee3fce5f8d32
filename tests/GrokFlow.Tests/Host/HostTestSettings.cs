namespace GrokFlow.Tests.Host;

/// <summary>Settings shared by the end-to-end tests, and a temporary spool directory per test.</summary>
internal sealed class HostTestSettings : IDisposable
{
    public const string ApiKey = "test-api-key-0123456789";

    public string SpoolDirectory { get; } = Path.Combine(Path.GetTempPath(), "grokflow-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string?> ForIntake(Uri intake, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Datadog:ApiKey"] = ApiKey,
            ["Datadog:Url"] = intake.ToString(),
            ["Spool:Directory"] = SpoolDirectory,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    public int SpoolFileCount => Directory.Exists(SpoolDirectory) ? Directory.GetFiles(SpoolDirectory, "*.json.gz").Length : 0;

    public static IEnumerable<string> QnapLines(int count, string prefix = "user") =>
        Enumerable.Range(0, count).Select(i =>
            $"<30>Oct 30 20:24:24 qnap-nas01 qulogd[14629]: conn log: Users: {prefix}{i}, Source IP: 10.50.36.33, Computer name: pc, Connection type: SAMBA, Accessed resources: Public, Action: Read");

    public void Dispose()
    {
        if (Directory.Exists(SpoolDirectory)) Directory.Delete(SpoolDirectory, recursive: true);
    }
}
