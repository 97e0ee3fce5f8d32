using GrokFlow.Tests.Differential;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Generator;

/// <summary>
/// Which loops the generator writes as straight-line runs and which captures it matches inline: the choices that are
/// only safe under conditions. That the generated parsers still match as the interpreter does is asserted by the
/// differential tests on the same rules (the "loops" construct); these tests pin that each choice is made, and not made
/// where it would be wrong.
/// </summary>
public sealed class LoopAndCaptureEmissionTests
{
    private static string Generate(string rule)
    {
        var run = GeneratedPipelineCompiler.Generate(new RulesFileBuilder().Pipeline("p", [("r", rule)]).ToString());
        return run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == "test.PPipeline.g.cs").SourceText.ToString();
    }

    [Fact]
    public void A_loop_before_a_capture_that_cannot_start_with_its_characters_takes_its_whole_run()
    {
        var source = Generate(@"%{word:a}\s+%{ip:b}\s+%{word:c}");

        Assert.Equal(2, Count(source, @"// \s+: what follows cannot start inside the run, so the whole run is taken"));
        Assert.DoesNotContain(@"// \s+ (greedy)", source);
    }

    [Fact]
    public void A_loop_before_a_capture_that_can_start_with_its_characters_still_gives_back()
    {
        // %{integer} starts with a digit: [0-9]+ must give digits back ("12345" matches with n = "5").
        var source = Generate(@"[0-9]+%{integer:n}");

        Assert.Contains("// [0-9]+ (greedy)", source);
    }

    [Fact]
    public void A_loop_before_a_capture_that_can_match_nothing_still_gives_back()
    {
        // %{data} can match the empty string, so what follows it decides: the loop keeps backtracking.
        var source = Generate(@"\s+%{data:rest}");

        Assert.Contains(@"// \s+ (greedy)", source);
    }

    [Fact]
    public void Literals_joined_by_whole_runs_are_one_call_with_their_one_space_form()
    {
        var source = Generate(@"%{word:a},\s+Source\s+IP\:\s+%{ip:b} said\s+hello world\s+%{data:c}");

        Assert.Contains(@"// ,\s+Source\s+IP:\s+ (one compare when each run is one space)", source);
        Assert.Contains(@"pos = Utf8Match.SpacedTextEnd(s.Input, pos, "", Source IP: ""u8, [1, 8, 12]);", source);
        // The run before %{data} gives back: the fused text ends before it.
        Assert.Contains(@"pos = Utf8Match.SpacedTextEnd(s.Input, pos, "" said hello world""u8, [5]);", source);
        Assert.Contains(@"// \s+ (greedy)", source);
    }

    [Fact]
    public void A_single_literal_and_run_stay_inline()
    {
        var source = Generate(@"%{word:a},\s+%{word:b}\s+x");

        Assert.DoesNotContain("SpacedTextEnd", source);
    }

    [Fact]
    public void Captures_on_every_match_are_inline_and_optional_ones_are_restored_when_their_branch_fails()
    {
        var source = Generate(@"%{word:a}(\s+%{integer:b})? %{word:c}");

        Assert.Contains("s.Slots[0] = pos; // start of capture 0", source);
        Assert.Contains("s.Slots[4] = pos; // start of capture 2", source);
        Assert.DoesNotContain("savedStart = s.Slots[0]", source);
        Assert.DoesNotContain("savedStart = s.Slots[4]", source);
        Assert.Contains("int savedStart = s.Slots[2], savedEnd = s.Slots[3];", source);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
