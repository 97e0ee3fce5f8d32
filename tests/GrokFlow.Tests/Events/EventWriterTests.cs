using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Runtime.Parsing;
using GrokFlow.Tests.TestSupport;
using GrokFlow.Tooling.Interpretation;

namespace GrokFlow.Tests.Events;

/// <summary>
/// How <see cref="GrokFlow.Engine.Events.EventWriter"/> writes an event whose rules extract attributes named like its
/// reserved fields, straight (grok-only) and through the event document (with processors): each field once, with the
/// value Datadog's reserved attributes give it, and the same bytes either way.
/// </summary>
public sealed class EventWriterTests
{
    private const string Line = "<11>Oct 30 20:24:25 nas01 app[1]: INFO billing 7 hello there";

    private static IGrokPipeline Load(string steps) => RulesInterpreter.Load($$"""
        pipeline p {
          grok message {
            match {
              r \<%{integer:pri}\>%{date("MMM dd HH:mm:ss"):date} %{word:host_name} %{word:app}\[%{integer:pid}\]: %{word:status} %{word:service} %{integer:syslog.severity} %{data:message}
            }
          }
        {{steps}}
        }
        """).Pipelines.Single();

    private static string Write(IGrokPipeline pipeline, string line = Line)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new EventLineWriter(output, new DatadogEventContext(service: "svc", source: "src", host: "127.0.0.1", tags: ["env:test"])))
            writer.Write(Encoding.UTF8.GetBytes(line), pipeline, new ParseContext(new FixedClock(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero))));
        return Encoding.UTF8.GetString(output.WrittenSpan).TrimEnd('\n');
    }

    [Fact]
    public void Attributes_named_like_reserved_fields_yield_to_the_official_values_and_no_key_is_written_twice()
    {
        var json = Write(Load(""));

        Assert.Empty(DuplicateKeys.In(Encoding.UTF8.GetBytes(json)));
        using var parsed = JsonDocument.Parse(json);
        var e = parsed.RootElement;
        Assert.Equal(Line, e.GetProperty("message").GetString());          // the message sent, not the extracted one
        Assert.Equal("svc", e.GetProperty("service").GetString());         // the service sent
        Assert.Equal("INFO", e.GetProperty("status").GetString());         // the attribute replaced the header's status
        Assert.Equal(7, e.GetProperty("syslog").GetProperty("severity").GetInt32());   // merged into the header's syslog object
        Assert.Equal("app", e.GetProperty("syslog").GetProperty("appname").GetString());
        Assert.Equal("src", e.GetProperty("ddsource").GetString());
        Assert.Equal("env:test", e.GetProperty("ddtags").GetString());
        Assert.Equal("nas01", e.GetProperty("hostname").GetString());
        Assert.Equal(["message", "ddsource", "service", "ddtags", "hostname", "status"], e.EnumerateObject().Take(6).Select(p => p.Name));
    }

    [Fact]
    public void A_status_remapper_sets_the_status_field_and_the_straight_and_document_paths_write_the_same_bytes()
    {
        var remapped = Write(Load("  status-remapper {\n    sources status\n  }"));
        Assert.Equal("info", JsonDocument.Parse(remapped).RootElement.GetProperty("status").GetString());
        Assert.Empty(DuplicateKeys.In(Encoding.UTF8.GetBytes(remapped)));

        // A line whose attributes collide with nothing is written straight by a grok-only pipeline: same bytes as
        // through the document (a pipeline whose one extra step changes nothing).
        const string plain = "<14>Oct 30 20:24:25 nas01 app[1]: hello";
        var rule = """
            pipeline p {
              grok message {
                match {
                  r \<%{integer:pri}\>%{notSpace:month} %{integer:day} %{notSpace:time} %{word:host_name} %{word:app}\[%{integer:pid}\]: %{word:word}
                }
              }
            """;
        var straight = Write(RulesInterpreter.Load(rule + "}").Pipelines.Single(), plain);
        var throughDocument = Write(RulesInterpreter.Load(rule + "  attribute-remapper {\n    sources absent\n    target elsewhere\n  }\n}").Pipelines.Single(), plain);
        Assert.Contains("\"word\":\"hello\"", straight);
        Assert.Equal(straight, throughDocument);
    }

    [Theory]
    [InlineData("<14>Oct 30 20:24:25 nas01 app[1]: hello")]                                 // RFC 3164
    [InlineData("<165>1 2026-10-11T22:14:15.003Z host app 8710 ID47 - hello")]               // RFC 5424, no structured data
    [InlineData("<165>1 2026-10-11T22:14:15.003Z host app - - [id@1 a=\"1\"] hello")]      // with structured data
    [InlineData("<14>Oct 30 20:24:25 nas\u2028x app[1]: hello")]                            // a host name the writer escapes
    [InlineData("<165>1 2026-10-11T22:14:15.003Z host ap\u2028p - - - hello")]               // an app name the writer escapes
    [InlineData("no header at all")]
    public void The_syslog_object_written_straight_has_the_bytes_written_through_the_document(string escaped)
    {
        // The straight path writes the syslog object in the reserved fields' member run, or through the writer when
        // a value needs it; the document path through the writer alone: the same bytes either way.
        var line = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var rule = "pipeline p {\n  grok message {\n    match {\n      r %{data:text}\n    }\n  }\n";
        var straight = Write(RulesInterpreter.Load(rule + "}").Pipelines.Single(), line);
        var throughDocument = Write(RulesInterpreter.Load(rule + "  attribute-remapper {\n    sources absent\n    target elsewhere\n  }\n}").Pipelines.Single(), line);
        Assert.Empty(DuplicateKeys.In(Encoding.UTF8.GetBytes(straight)));
        Assert.Equal(line, JsonDocument.Parse(straight).RootElement.GetProperty("text").GetString());
        Assert.Equal(throughDocument, straight);
    }

    [Theory]
    [InlineData("%{data:text}", "<14>Oct 30 20:24:25 nas01 app[1]: hello")]                       // flat: the event is one run
    [InlineData("%{word:a} %{data:b}", "<14>Oct 30 20:24:25 nas01 app[1]: x\u2028y rest")]        // a value the writer escapes ends the run
    [InlineData("%{word:a} %{data:b}", "<14>Oct 30 20:24:25 nas\u2028x app[1]: x rest")]          // so does a header value
    [InlineData("%{word:a.b} %{data:a.c}", "<14>Oct 30 20:24:25 nas01 app[1]: x rest")]           // nested: the tree walk
    [InlineData("%{data::keyvalue}", "<14>Oct 30 20:24:25 nas01 app[1]: k=v n=1")]                  // structured
    [InlineData("%{word:a} %{word:a}", "<14>Oct 30 20:24:25 nas01 app[1]: x y")]                    // an array
    [InlineData("nomatch %{data:text}", "<14>Oct 30 20:24:25 nas01 app[1]: hello")]                // no rule matches
    [InlineData("%{data:text}", "<165>1 2026-10-11T22:14:15.003Z host app - - [id@1 a=\"1\"] hi")] // structured data
    [InlineData("%{data:text}", "no header at all")]
    public void An_event_held_as_one_run_has_the_bytes_written_through_the_document(string pattern, string escaped)
    {
        // Straight, the event's fields, its syslog object and the rules' flat attributes are held in one member run
        // and closed as one raw value; any other output hands the run to the writer first. The document path writes
        // through the writer alone.
        var line = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var rule = $"pipeline p {{\n  grok message {{\n    match {{\n      r {pattern}\n    }}\n  }}\n";
        var pipeline = RulesInterpreter.Load(rule + "}").Pipelines.Single();
        Assert.True(pipeline.WritesThroughOutputWriter);
        var straight = Write(pipeline, line);
        var throughDocument = Write(RulesInterpreter.Load(rule + "  attribute-remapper {\n    sources absent\n    target elsewhere\n  }\n}").Pipelines.Single(), line);
        Assert.Empty(DuplicateKeys.In(Encoding.UTF8.GetBytes(straight)));
        Assert.Equal(throughDocument, straight);
        // Twice on one writer: nothing of the first event is held into the second.
        Assert.Equal(straight + "\n" + straight, WriteTwice(pipeline, line));
    }

    [Theory]
    [InlineData(6000, 1)]      // the message alone outgrows the event's room in the buffer: it moves out at once
    [InlineData(2500, 2500)]   // the rules' attributes do, once the held run is resumed
    public void An_event_larger_than_its_room_in_the_buffer_has_the_bytes_written_through_the_document(int messageLength, int textLength)
    {
        // Written straight, the event lives in the output buffer's room (4 KiB asked) until it outgrows it, then in the
        // workspace, and reaches the writer as one raw value.
        var line = "<14>Oct 30 20:24:25 nas01 app[1]: " + new string('m', messageLength - textLength) + " " + new string('t', textLength);
        var rule = "pipeline p {\n  grok message {\n    match {\n      r %{data:head} %{notSpace:text}\n    }\n  }\n";
        var pipeline = RulesInterpreter.Load(rule + "}").Pipelines.Single();
        var straight = Write(pipeline, line);
        var throughDocument = Write(RulesInterpreter.Load(rule + "  attribute-remapper {\n    sources absent\n    target elsewhere\n  }\n}").Pipelines.Single(), line);
        Assert.True(straight.Length > 4096);
        Assert.Equal(new string('t', textLength), JsonDocument.Parse(straight).RootElement.GetProperty("text").GetString());
        Assert.Equal(throughDocument, straight);
        Assert.Equal(straight + "\n" + straight, WriteTwice(pipeline, line));
    }

    private static string WriteTwice(IGrokPipeline pipeline, string line)
    {
        var output = new ArrayBufferWriter<byte>();
        var context = new ParseContext(new FixedClock(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero)));
        using (var writer = new EventLineWriter(output, new DatadogEventContext(service: "svc", source: "src", host: "127.0.0.1", tags: ["env:test"])))
        {
            writer.Write(Encoding.UTF8.GetBytes(line), pipeline, context);
            writer.Write(Encoding.UTF8.GetBytes(line), pipeline, context);
        }
        return Encoding.UTF8.GetString(output.WrittenSpan).TrimEnd('\n');
    }

    [Fact]
    public void The_duplicate_key_reader_finds_keys_written_twice()
    {
        Assert.Equal(["a.b", "status"], DuplicateKeys.In("""{"status":"INFO","a":{"b":1,"b":2},"status":"info"}"""u8));
        Assert.Empty(DuplicateKeys.In("""{"a":{"b":1},"c":[{"b":1},{"b":2}]}"""u8));
    }
}
