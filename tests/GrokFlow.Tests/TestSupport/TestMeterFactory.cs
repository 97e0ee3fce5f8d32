using System.Diagnostics.Metrics;

namespace GrokFlow.Tests.TestSupport;

/// <summary>Makes meters for a component under test (what the host's DI container does) and disposes them with itself.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _created = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _created.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _created) meter.Dispose();
    }
}
