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
}
