using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Processing;

/// <summary>What a pipeline left of an event: its attributes, tags and official values.</summary>
public sealed record ProcessedEvent(JsonObject Attributes, IReadOnlyList<string> Tags, long? Date, string? Status, string? Service, string? TraceId);

/// <summary>
/// Runs processors written in .rules syntax on one event. The steps go in a pipeline after a grok parser of an
/// attribute no event has (so it never runs); queries are <see cref="TestQueries"/> (<c>@path:value</c>).
/// </summary>
public static class ProcessorHarness
{
    public static readonly DateTimeOffset Clock = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static ProcessingPipeline Load(string steps)
    {
        var text = "pipeline t {\n  grok no_such_attribute {\n    match {\n      r %{data:x}\n    }\n  }\n" + steps + "\n}\n";
        var compiled = RulesCompiler.Compile(text);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format("t.rules"))));
        var model = compiled.Pipelines[0];
        return new ProcessingPipeline(model, InterpretedPipeline.Create(model), new ProcessingServices(TestQueries.Compile));
    }

    public static ProcessedEvent Run(string steps, string eventJson, params string[] tags) =>
        Run(Load(steps), new ParseContext(new FixedClock(Clock)), eventJson, tags);

    public static ProcessedEvent Run(ProcessingPipeline pipeline, ParseContext context, string eventJson, params string[] tags)
    {
        var document = context.Processing.Document;
        document.Reset();
        document.MergeObject(Encoding.UTF8.GetBytes(eventJson));
        foreach (var tag in tags) document.AddTag(Encoding.UTF8.GetBytes(tag));
        pipeline.Process(document, context);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            document.WriteMembers(writer, EventDocument.Root);
            writer.WriteEndObject();
        }
        var official = document.Official;
        return new ProcessedEvent(
            JsonNode.Parse(buffer.WrittenSpan)!.AsObject(),
            Enumerable.Range(0, document.TagCount).Select(i => Encoding.UTF8.GetString(document.Tag(i))).ToList(),
            official.Date,
            official.Status is { } s ? Encoding.UTF8.GetString(document.Stored(s)) : null,
            official.Service is { } v ? Encoding.UTF8.GetString(document.Stored(v)) : null,
            official.TraceId is { } t ? Encoding.UTF8.GetString(document.Stored(t)) : null);
    }

    /// <summary>The attributes as compact JSON, for exact comparisons.</summary>
    public static string Json(this ProcessedEvent e) => e.Attributes.ToJsonString();
}

/// <summary>
/// A stand-in for the search engine in processor tests: <c>@path:value</c> matches when the attribute's text is the
/// value; <c>*</c> or an empty query matches everything.
/// </summary>
public static class TestQueries
{
    public static IDocumentQuery Compile(string query) => new AttributeIs(query);

    private sealed class AttributeIs : IDocumentQuery
    {
        private readonly AttributePath? _path;
        private readonly byte[] _value = [];

        public AttributeIs(string query)
        {
            if (query.Trim() is "" or "*") return;
            var colon = query.IndexOf(':');
            _path = new AttributePath(query[1..colon]);
            _value = Encoding.UTF8.GetBytes(query[(colon + 1)..]);
        }

        public bool Matches(EventDocument document, int scope = EventDocument.Root)
        {
            if (_path is null) return true;
            var node = document.Find(_path, scope);
            return node != EventDocument.None && document.TextOf(node).SequenceEqual(_value);
        }
    }
}
