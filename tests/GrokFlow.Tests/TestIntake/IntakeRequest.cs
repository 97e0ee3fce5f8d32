using System.Text.Json;

namespace GrokFlow.Tests.TestIntake;

/// <summary>One request the test intake received, decompressed, with the status it answered.</summary>
public sealed record IntakeRequest(
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    int CompressedLength,
    byte[] Body,
    int AnsweredStatus)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    /// <summary>The events of the JSON array body.</summary>
    public IReadOnlyList<JsonElement> Events => Body.Length == 0 ? [] : JsonDocument.Parse(Body).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
}
