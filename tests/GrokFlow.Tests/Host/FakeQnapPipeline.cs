using System.Text.Json;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A hand-written stand-in for the generated QNAP pipeline: on <c>service:qnap-nas</c>, a line containing
/// <c>conn log: Users: NAME,</c> yields <c>{"user": NAME, "pipeline_order": N}</c>; anything else is unmatched.
/// </summary>
internal sealed class FakeQnapPipeline(string id = "qnap", string filter = "service:qnap-nas", int order = 1) : IGrokPipeline
{
    private static ReadOnlySpan<byte> Marker => "conn log: Users: "u8;

    public string Id => id;
    public string Title => "QNAP (test double)";
    public string Filter => filter;

    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
    {
        var at = message.IndexOf(Marker);
        if (at < 0) return GrokResult.NoMatch;
        var rest = message[(at + Marker.Length)..];
        var end = rest.IndexOf((byte)',');
        if (end <= 0) return GrokResult.NoMatch;
        writer.WriteString("user", rest[..end]);
        writer.WriteNumber("pipeline_order", order);
        return new GrokResult(GrokStatus.Matched, 0, "QNAP_Conn");
    }
}

/// <summary>A catalog with the given pipelines.</summary>
internal sealed class FakePipelineCatalog(params IGrokPipeline[] pipelines) : GrokFlow.Runtime.Routing.IPipelineCatalog
{
    public IReadOnlyList<IGrokPipeline> Pipelines { get; } = pipelines;
}
