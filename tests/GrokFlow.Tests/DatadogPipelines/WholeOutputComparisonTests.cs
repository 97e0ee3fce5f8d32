using System.Text.Json.Nodes;

namespace GrokFlow.Tests.DatadogPipelines;

public sealed class WholeOutputComparisonTests
{
    [Fact]
    public void The_intake_rendering_nests_dotted_keys_and_merges_them_with_existing_objects()
    {
        var nested = WholeOutputComparison.WithDottedKeysNested(JsonNode.Parse("""{"a.b":1,"a":{"c":2},"x":[{"y.z":3}],"k":"v.w"}"""));
        Assert.Equal("""{"a":{"b":1,"c":2},"x":[{"y":{"z":3}}],"k":"v.w"}""", nested!.ToJsonString());
    }

    [Fact]
    public void The_intake_drops_nulls_empty_arrays_and_objects_left_empty_but_keeps_array_elements()
    {
        var cleaned = GrokFlow.Runtime.Datadog.DatadogEventInput.WithoutNullsOrEmptyContainers(
            JsonNode.Parse("""{"a":null,"b":[],"c":{},"d":{"e":{"f":null}},"g":[[],{}],"h":"","i":{"j":1,"k":[]}}"""));
        Assert.Equal("""{"g":[[],{}],"h":"","i":{"j":1}}""", cleaned!.ToJsonString());
    }
}
