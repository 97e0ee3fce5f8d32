using System.Buffers;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tooling.Interpretation;

namespace GrokFlow.Tests.Values;

/// <summary>
/// <see cref="ParseContext.HoldClock"/>: the date values of the lines parsed inside the scope take the year from one
/// reading of the clock; outside it every value reads the clock.
/// </summary>
public sealed class ClockHoldTests
{
    /// <summary>A clock that moves a year forward at every reading, and counts them.</summary>
    private sealed class YearlyClock : TimeProvider
    {
        public int Readings { get; private set; }

        public override DateTimeOffset GetUtcNow() => new(2020 + Readings++, 6, 15, 0, 0, 0, TimeSpan.Zero);
    }

    private static readonly IGrokPipeline Pipeline = RulesInterpreter.Load("""
        pipeline p {
          grok message {
            match {
              r %{date("MMM dd HH:mm:ss"):date}
            }
          }
        }
        """).Pipelines.Single();

    private static int YearOf(ReadOnlySpan<byte> line, ParseContext context)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            Assert.True(Pipeline.Parse(line, writer, context).Matched);
            writer.WriteEndObject();
        }
        var ms = JsonDocument.Parse(output.WrittenMemory).RootElement.GetProperty("date").GetInt64();
        return DateTimeOffset.FromUnixTimeMilliseconds(ms).Year;
    }

    [Fact]
    public void Inside_the_scope_the_clock_is_read_once_and_outside_at_every_value()
    {
        var clock = new YearlyClock();
        var context = new ParseContext(clock);
        var line = "Jun 15 10:00:00"u8.ToArray();

        using (context.HoldClock())
        {
            Assert.Equal([2020, 2020, 2020], new[] { YearOf(line, context), YearOf(line, context), YearOf(line, context) });
        }
        Assert.Equal(1, clock.Readings);

        Assert.Equal([2021, 2022], new[] { YearOf(line, context), YearOf(line, context) });
        Assert.Equal(3, clock.Readings);

        using (context.HoldClock())
        {
            Assert.Equal([2023, 2023], new[] { YearOf(line, context), YearOf(line, context) });
        }
    }
}
