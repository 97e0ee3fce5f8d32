using System.Text.Json;

namespace GrokFlow.Tests.TestIntake;

/// <summary>One request the test intake received, decompressed, with the status it answered.</summary>
public sealed class IntakeRequest(
    string path,
    IReadOnlyDictionary<string, string> headers,
    int compressedLength,
    byte[] body,
    int answeredStatus)
{
    public string Path { get; } = path;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    public int CompressedLength { get; } = compressedLength;
    public byte[] Body { get; } = body;
    public int AnsweredStatus { get; } = answeredStatus;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    /// <summary>The events of the JSON array body, read once (waits poll the event count every few milliseconds).</summary>
    public IReadOnlyList<JsonElement> Events => field ??= ReadEvents(Body);

    private static JsonElement[] ReadEvents(byte[] body)
    {
        if (body.Length == 0) return [];
        using var document = JsonDocument.Parse(body);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
