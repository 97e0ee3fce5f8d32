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

    [Fact]
    public void LinesAreStampedInTimeOrderOnOneDayAsADeviceSendsThem()
    {
        var lines = new SyslogLoad(3_000, 2).Templates.SelectMany(t => Encoding.ASCII.GetString(t).Split('\n')).ToList();

        var times = lines.Select(line => DateTime.ParseExact(line[(line.IndexOf('>') + 1)..][..15], "MMM dd HH:mm:ss",
            System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(6_000, times.Count);
        Assert.All(times, t => Assert.Equal((10, 10), (t.Month, t.Day)));
        Assert.Equal(new TimeSpan(8, 0, 0), times[0].TimeOfDay);
        var steps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(steps, step => Assert.InRange(step, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1_499), times[^1] - times[0]);
    }
}
