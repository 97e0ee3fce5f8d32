using System.Text;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Processing;

/// <summary>Processors (but geo-IP and user agent) work in the pooled event document: after warm-up an event allocates nothing.</summary>
public sealed class ProcessorAllocationTests
{
    private const string Steps = """
          attribute-remapper {
            sources a.b
            target moved.here
            target_format integer
          }
          attribute-remapper {
            sources dir
            target direction
            target_type tag
            preserve_source true
          }
          date-remapper {
            sources ts
          }
          status-remapper {
            sources level
          }
          service-remapper {
            sources svc
          }
          message-remapper {
            sources msg
          }
          trace-id-remapper {
            sources trace
          }
          category-processor {
            target evt.outcome
            category "success", "@code:200"
            category "failure", "@code:500"
          }
          arithmetic-processor {
            expression "(bytes + 10) / 3"
            target kb
          }
          string-builder-processor {
            template "%{svc} did %{level} with %{list} at %{code}"
            target summary
          }
          lookup-processor {
            source code
            target code_name
            default_lookup other
            lookup_table {
              200,OK
              500,Server Error
            }
          }
          url-parser {
            sources u
            target ud
          }
          array-processor {
            operation length
            source list
            target n
          }
        """;

    [Fact]
    public void An_event_through_remappers_category_arithmetic_string_builder_and_lookup_allocates_nothing_after_warm_up()
    {
        var pipeline = ProcessorHarness.Load(Steps);
        var context = new ParseContext(new FixedClock(ProcessorHarness.Clock));
        var input = Encoding.UTF8.GetBytes("""
            {"a":{"b":"42"},"dir":"In","ts":"2024-09-24T14:47:01.123+02:00","level":"WARN","svc":"web","msg":"hello",
             "trace":"abc","code":500,"bytes":2000,"list":[1,2,3],"u":"https://h.example/p?q=1"}
            """);
        var document = context.Processing.Document;

        void RunOne()
        {
            document.Reset();
            document.MergeObject(input);
            document.AddTag("source:test"u8);
            pipeline.Process(document, context);
        }

        for (var i = 0; i < 100; i++) RunOne();
        Assert.Equal("warn", Encoding.UTF8.GetString(document.Stored(document.Official.Status!.Value)));
        Assert.Equal(1727182021123L, document.Official.Date);
        var allocated = Allocations.OfRepeated(RunOne, warmUp: 0);
        Assert.Equal(0, allocated);
    }
}
