namespace GrokFlow.Tests.Processing;

public sealed class ArrayProcessorTests
{
    [Fact]
    public void Select_extracts_a_value_of_the_first_matching_element()
    {
        var steps = "  array-processor {\n    operation select\n    source headers\n    target referrer\n    filter \"@name:Referer\"\n    value_to_extract value\n  }";
        var e = ProcessorHarness.Run(steps, """{"headers":[{"name":"Host","value":"a"},{"name":"Referer","value":"b"},{"name":"Referer","value":"c"}]}""");
        Assert.Equal("b", e.Attributes["referrer"]!.GetValue<string>());
    }

    [Fact]
    public void Length_counts_the_elements()
    {
        var e = ProcessorHarness.Run("  array-processor {\n    operation length\n    source tags\n    target n\n  }", """{"tags":["a","b","c"]}""");
        Assert.Equal(3, (int)e.Attributes["n"]!);
    }

    [Fact]
    public void Append_adds_to_the_target_array_and_removes_the_source()
    {
        var steps = "  array-processor {\n    operation append\n    source ip\n    target ips\n  }";
        Assert.Equal("""{"ips":["a","b"]}""", ProcessorHarness.Run(steps, """{"ip":"b","ips":["a"]}""").Json());
        Assert.Equal("""{"ips":["b"]}""", ProcessorHarness.Run(steps, """{"ip":"b"}""").Json());
        Assert.Equal("""{"ips":["a","b"]}""", ProcessorHarness.Run(steps, """{"ip":"b","ips":"a"}""").Json());
    }

    [Fact]
    public void Append_with_preserve_source_keeps_it()
    {
        var steps = "  array-processor {\n    operation append\n    source ip\n    target ips\n    preserve_source true\n  }";
        Assert.Equal("""{"ip":"b","ips":["b"]}""", ProcessorHarness.Run(steps, """{"ip":"b"}""").Json());
    }
}
