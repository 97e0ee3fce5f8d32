using System.Text;
using GrokFlow.Runtime.Host.Bench;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Host.Bench;

/// <summary>
/// `grokflow bench --mode syslog` measures the QNAP pipeline at work: its qulogd lines must be ones the pipeline
/// parses (like shared/bench/gen_qnap.py's), and only its other daemons' lines go unmatched.
/// </summary>
public sealed class SyslogLoadTests
{
    [Fact]
    public void TheQnapPipelineParsesEveryQulogdLineAndNoOtherDaemonsLine()
    {
        var qnap = GrokFlow.Rules.BuiltInPipelines.All.Single(p => p.Id == "qnap");
        var lines = new SyslogLoad(2_000, 1).Templates.Select(t => Encoding.ASCII.GetString(t)).ToList();

        var wrong = lines.Where(line => GrokHarness.Run(qnap, line).Result.Matched != line.Contains(" qulogd[", StringComparison.Ordinal)).ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {lines.Count} lines parsed against their kind, e.g. {wrong.FirstOrDefault()}");
        Assert.InRange(lines.Count(l => l.Contains(" qulogd[", StringComparison.Ordinal)), 1_800, 1_990);
    }
}
