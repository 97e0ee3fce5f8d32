using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>In fluent-strict mode, v5 and v9 captures decode to exactly fluent-plugin-netflow's events.</summary>
public sealed class FluentConformanceTests
{
    [Theory]
    [InlineData("v5", "v5", false)]
    [InlineData("v5_sampled", "v5_sampled", false)]
    [InlineData("v9", "v9", false)]
    [InlineData("v9_ms", "v9_ms", false)]
    [InlineData("v9_sampled", "v9_sampled", false)]
    [InlineData("v9", "v9.switched_times_from_uptime", true)]
    public void CaptureDecodesToFluentEvents(string capture, string expectedName, bool switchedTimesFromUptime)
    {
        var expected = ConformanceCaptures.FluentExpected(expectedName);
        var (events, counters) = ConformanceCaptures.Decode(capture,
            new NetFlowCollectorOptions { FluentStrict = true, SwitchedTimesFromUptime = switchedTimesFromUptime });

        Assert.Equal(0, counters.TotalDrops);
        Assert.Equal(expected.Count, events.Count);
        var differences = new List<string>();
        for (var i = 0; i < expected.Count && differences.Count < 20; i++)
            differences.AddRange(EventDiff.Compare(expected[i], events[i]).Select(d => $"event {i}: {d}"));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void V5EventsKeepFluentKeyOrder()
    {
        var expected = ConformanceCaptures.FluentExpected("v5")[0];
        var (events, _) = ConformanceCaptures.Decode("v5", new NetFlowCollectorOptions { FluentStrict = true });
        Assert.Equal(expected.Select(p => p.Key), events[0].Select(p => p.Key));
    }
}

/// <summary>Field-by-field comparison of two JSON events, naming each difference.</summary>
internal static class EventDiff
{
    public static IEnumerable<string> Compare(JsonObject expected, JsonObject actual)
    {
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetPropertyValue(key, out var got)) yield return $"missing field '{key}' (expected {value?.ToJsonString()})";
            else if (!JsonNode.DeepEquals(value, got)) yield return $"field '{key}': expected {value?.ToJsonString()}, got {got?.ToJsonString()}";
        }
        foreach (var (key, value) in actual)
            if (!expected.ContainsKey(key)) yield return $"unexpected field '{key}' = {value?.ToJsonString()}";
    }
}
