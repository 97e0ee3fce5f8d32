using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// What a pipeline made of one line, as a host would send it: the status, the winning rule, and the bytes of the JSON
/// event <c>{"message": line, attributes...}</c>. A parser that throws is recorded as such, never as a crash of the test.
/// </summary>
public sealed record ParsedLine(GrokStatus Status, string? RuleName, byte[] Json, string? Exception)
{
    public static ParsedLine Of(IGrokPipeline pipeline, byte[] line, ParseContext context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            GrokResult result;
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("message", line);
                result = pipeline.Parse(line, writer, context);
                writer.WriteEndObject();
            }
            return new ParsedLine(result.Status, result.RuleName, buffer.WrittenSpan.ToArray(), null);
        }
        catch (Exception e)
        {
            return new ParsedLine(GrokStatus.NoMatch, null, [], $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Same status, same rule, byte-identical JSON, and neither threw.</summary>
    public bool SameAs(ParsedLine other) =>
        Exception is null && other.Exception is null && Status == other.Status && RuleName == other.RuleName &&
        Json.AsSpan().SequenceEqual(other.Json);

    public override string ToString() => Exception is not null
        ? "threw " + Exception
        : $"{Status}{(RuleName is null ? "" : " " + RuleName)} {Encoding.UTF8.GetString(Json)}";
}
