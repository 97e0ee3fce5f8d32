using System.Text.Json;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// The grok parsers of one pipeline, generated or interpreted, addressed by their index in
/// <see cref="Model.GrokPipelineModel.Parsers"/>.
/// </summary>
public interface IGrokParserSet
{
    /// <summary>
    /// Runs parser <paramref name="parserIndex"/> on <paramref name="text"/> (valid UTF-8): its first matching rule writes
    /// its attributes as properties of the object open on <paramref name="writer"/>. The result's rule index counts
    /// over all rules of the pipeline.
    /// </summary>
    GrokResult ParseWith(int parserIndex, ReadOnlySpan<byte> text, Utf8JsonWriter writer, ParseContext context);
}
