using System.Text.Json.Nodes;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Filters;

/// <summary>Runs one rule on one line through the interpreter and compares the attributes with the expected JSON.</summary>
internal static class FilterAssert
{
    public static void Parses(string pattern, string line, string expectedJson, params (string Name, string Pattern)[] helpers)
    {
        var (result, output) = GrokHarness.RunRule(pattern, line, helpers);
        Assert.True(result.Matched, $"'{pattern}' did not match '{line}': {result.Status}");
        var difference = JsonEquivalence.Difference(JsonNode.Parse(expectedJson), output);
        Assert.True(difference is null, $"{difference}\n  expected: {expectedJson}\n  actual:   {output.ToJsonString()}");
    }
}
