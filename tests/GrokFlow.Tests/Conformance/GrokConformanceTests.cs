namespace GrokFlow.Tests.Conformance;

/// <summary>
/// The interpreter against the shared grok test vectors (Datadog documentation and real-engine cases, and the open peer
/// implementation's suite). Every covered case is a row; cases this stage does not cover are counted by reason.
/// </summary>
public sealed class GrokConformanceTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<CaseCoverage> Coverage = GrokCaseCorpus.All.Select(CaseCoverage.Of).ToList();

    public static TheoryData<string> CoveredCases() => new(Coverage.Where(c => c.Covered).Select(c => c.Case.Name));

    [Theory]
    [MemberData(nameof(CoveredCases))]
    public void CoveredCasePasses(string name)
    {
        var coverage = Coverage.Single(c => c.Case.Name == name);
        Assert.Null(CaseRunner.Failure(coverage));
    }

    [Fact]
    public void AllCoveredCasesPass()
    {
        var covered = Coverage.Where(c => c.Covered).ToList();
        var failures = covered.Select(c => (c.Case.Name, Failure: CaseRunner.Failure(c))).Where(f => f.Failure is not null).ToList();
        var reasons = Coverage.Where(c => !c.Covered).GroupBy(c => c.NotCoveredReason!)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        var summary = $"grok conformance: {covered.Count - failures.Count} of {covered.Count} covered cases pass " +
                      $"({Coverage.Count - covered.Count} not covered: {string.Join("; ", reasons)})";
        output.WriteLine(summary);
        foreach (var (name, failure) in failures) output.WriteLine($"FAIL {name}: {failure}");

        Assert.True(covered.Count > 0, "no case is covered: is the corpus there?");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Select(f => $"FAIL {f.Name}: {f.Failure}")));
    }
}
