using System.Text.Json;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Pipelines;

/// <summary>
/// A compiled (generated) or interpreted pipeline: a Datadog search filter saying which events it applies to, and the
/// parsers that turn a log line into attributes.
/// </summary>
public interface IGrokPipeline
{
    /// <summary>The id after <c>pipeline</c> in the .rules file; how the command line and the host name it.</summary>
    string Id { get; }

    /// <summary>The human title (the quoted string after the id), or the id when none is given.</summary>
    string Title { get; }

    /// <summary>The Datadog search query of the <c>filter</c> line, e.g. <c>service:qnap-nas</c>; empty means all.</summary>
    string Filter { get; }

    /// <summary>
    /// Parses the UTF-8 <paramref name="message"/> (one line, valid UTF-8) and, when a rule matches, writes the
    /// extracted attributes as properties of the JSON object the caller has already opened on <paramref name="writer"/>.
    /// Nothing is written when no rule matches. Allocates nothing after warm-up.
    /// </summary>
    GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context);

    /// <summary>
    /// Whether <see cref="Parse"/> writes on the writer only through <see cref="Output.OutputWriter"/>, which continues
    /// the member run an event writer holds open (<see cref="Output.JsonMemberRun.Hold"/>) or hands it over first.
    /// When false, the caller hands its run to the writer before calling <see cref="Parse"/>.
    /// </summary>
    bool WritesThroughOutputWriter => false;

    /// <summary>
    /// Whether the pipeline has steps besides grok parsers of <c>message</c> (processors, nested pipelines, parsers of
    /// other attributes): such a pipeline needs the whole event (<see cref="Process"/>), not just the message.
    /// </summary>
    bool HasProcessors => false;

    /// <summary>
    /// Runs the pipeline on an event document holding the event as it enters the pipeline (its attributes, tags and
    /// official values), changing it in place. By default: the grok parsers run on <c>message</c> and their attributes
    /// are merged at the top level. Pipelines with processors run all their steps.
    /// </summary>
    GrokResult Process(EventDocument document, ParseContext context) => GrokOnlyProcessing.Run(this, document, context);
}
