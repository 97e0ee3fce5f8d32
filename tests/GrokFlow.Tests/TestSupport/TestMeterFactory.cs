using System.Diagnostics.Metrics;

namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// Makes meters for a component under test (what the host's DI container does), lets a test tell its meters from
/// those of tests running beside it, and disposes them with itself.
/// </summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    public List<Meter> Created { get; } = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        Created.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in Created) meter.Dispose();
    }
}
