namespace GrokFlow.Tests.Processing;

public sealed class StringBuilderProcessorTests
{
    private static string? Run(string template, string eventJson, bool replaceMissing = false) =>
        ProcessorHarness.Run($"  string-builder-processor {{\n    template \"{template}\"\n    target out\n    is_replace_missing {(replaceMissing ? "true" : "false")}\n  }}", eventJson)
            .Attributes["out"]?.GetValue<string>();

    [Fact]
    public void Replaces_references_with_strings_numbers_and_booleans()
    {
        Assert.Equal("user bob did 3 (ok: true)", Run("user %{u.name} did %{n} (ok: %{ok})", """{"u":{"name":"bob"},"n":3,"ok":true}"""));
    }

    [Fact]
    public void Arrays_join_with_commas_also_across_arrays_of_objects()
    {
        Assert.Equal("1,2,x", Run("%{list}", """{"list":[1,2,"x"]}"""));
        Assert.Equal("A,B", Run("%{items.code}", """{"items":[{"code":"A"},{"other":1},{"code":"B"}]}"""));
    }

    [Fact]
    public void A_missing_value_or_an_object_skips_unless_replace_missing()
    {
        Assert.Null(Run("a %{x}", "{}"));
        Assert.Null(Run("a %{o}", """{"o":{"k":1}}"""));
        Assert.Equal("a  b", Run("a %{x} b", "{}", replaceMissing: true));
    }
}
