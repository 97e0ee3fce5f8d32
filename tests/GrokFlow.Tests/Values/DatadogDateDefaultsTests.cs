using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// Date semantics measured on Datadog's recorded production results (shared/conformance/datadog-pipelines.jsonl):
/// fields a pattern lacks, day-of-year, and a zone name directly followed by an offset.
/// </summary>
public sealed class DatadogDateDefaultsTests
{
    /// <summary>The clock Datadog recorded its integration results with.</summary>
    private static readonly FixedClock Recording = new(new DateTimeOffset(1971, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void DayOfYearWithAYearPlacesTheDate()
    {
        // octopus_deploy: yyyy-MM-DD on 2025-01-28 recorded as 28 January.
        Assert.Equal(Utc(2025, 1, 28, 18, 47, 24, 51), Parse("yyyy-MM-DD HH:mm:ss.SSSS", "2025-01-28 18:47:24.0518"));
        Assert.Equal(Utc(2025, 2, 9), Parse("yyyy-MM-DD", "2025-01-40"));
    }

    [Fact]
    public void MonthAndDayOfYearWithoutAYearNameNoDayAndReadAsATimeOfDay()
    {
        // keda: MMDD on 1216 recorded as 1970-12-31, as argo_workflows' time-only HH:mm:ss.SSSSSS: the day nearest the clock.
        Assert.Equal(Utc(1970, 12, 31, 14, 53, 6, 261), Parse("MMDD HH:mm:ss.SSSSSS", "1216 14:53:06.261024", clock: Recording));
        Assert.Equal(Utc(1970, 12, 31, 15, 28, 44, 902), Parse("HH:mm:ss.SSSSSS", "15:28:44.902685", clock: Recording));
    }

    [Fact]
    public void AZoneNameBeforeAnOffsetLeavesTheOffsetToIt()
    {
        // trend_micro_vision_one_endpoint_security: "MMM dd yyyy HH:mm:ss zZZ" on "... GMT+00:00".
        Assert.Equal(Utc(2024, 7, 1, 10, 10, 10), Parse("MMM dd yyyy HH:mm:ss zZZ", "Jul 01 2024 10:10:10 GMT+00:00"));
        Assert.Equal(Utc(2024, 7, 1, 8, 10, 10), Parse("MMM dd yyyy HH:mm:ss zZZ", "Jul 01 2024 10:10:10 CEST+02:00"));
        Assert.Matches("^(?:" + Compile("HH:mm zZZ").RegexPattern + ")$", "10:10 GMT+00:00");
    }

    [Fact]
    public void AZoneNameAloneStillTakesAnOffsetSuffix() =>
        Assert.Equal(Utc(2024, 7, 1, 5, 10, 10), Parse("MMM dd yyyy HH:mm:ss z", "Jul 01 2024 10:10:10 GMT+5"));
}
