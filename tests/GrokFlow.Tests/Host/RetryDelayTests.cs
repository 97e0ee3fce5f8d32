using GrokFlow.Runtime.Sink;

namespace GrokFlow.Tests.Host;

public sealed class RetryDelayTests
{
    [Fact]
    public void DelaysGrowExponentiallyWithJitterUpToTheCap()
    {
        var random = new Random(1);
        var baseDelay = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(120);
        for (var failures = 1; failures <= 12; failures++)
        {
            var ceiling = Math.Min(Math.Pow(2, failures - 1), 120);
            var delay = RetryDelay.For(failures, baseDelay, max, null, random).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void RetryAfterIsHonouredWithinTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelay.For(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(7), new Random(1)));
        Assert.Equal(TimeSpan.FromSeconds(120), RetryDelay.For(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120), TimeSpan.FromHours(1), new Random(1)));
    }
}
