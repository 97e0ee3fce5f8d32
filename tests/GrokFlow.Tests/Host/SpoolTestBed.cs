using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;
using GrokFlow.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokFlow.Tests.Host;

/// <summary>A spool directory of the test's own and the host metrics spools and queues count into; deleted on dispose.</summary>
internal sealed class SpoolTestBed : IDisposable
{
    private readonly TestMeterFactory _meters = new();

    public SpoolTestBed(string name)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"grokflow-{name}-{Guid.NewGuid():N}");
        Metrics = new HostMetrics(_meters);
    }

    public string Directory { get; }

    public HostMetrics Metrics { get; }

    /// <summary>A spool on the directory; a second one reads the files as after a restart.</summary>
    public DiskSpool OpenSpool() => new(Directory, 1L << 30, GzipCompressor.Create(1), Metrics, NullLogger<DiskSpool>.Instance);

    public BatchQueue OpenQueue(DiskSpool spool, long memoryBytes, SpoolMode mode, IntakeHealth health) =>
        new(new QueueOptions { MemoryBytes = memoryBytes }, spool, new SpoolOptions { Mode = mode }, health, TimeProvider.System, Metrics,
            NullLogger<BatchQueue>.Instance);

    /// <summary>Seals one batch of these messages, one event each, into <paramref name="target"/>.</summary>
    public static void Seal(IBatchTarget target, params string[] messages)
    {
        using var builder = new BatchBuilder(new BatchingOptions(), target);
        foreach (var message in messages)
        {
            builder.BeginEvent();
            builder.Writer.WriteStartObject();
            builder.Writer.WriteString("message", message);
            builder.Writer.WriteEndObject();
            Assert.True(builder.EndEvent(out _));
        }
        builder.Seal();
    }

    public void Dispose()
    {
        Metrics.Dispose();
        _meters.Dispose();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
