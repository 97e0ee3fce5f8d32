using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;
using GrokFlow.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A batch whose sender failed unexpectedly waits again and wakes a sender: it must not sit in the spool unseen until
/// the next restart.
/// </summary>
public sealed class BatchQueueRequeueTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"grokflow-requeue-{Guid.NewGuid():N}");
    private readonly TestMeterFactory _meters = new();
    private readonly HostMetrics _metrics;
    private readonly DiskSpool _spool;
    private readonly BatchQueue _queue;

    public BatchQueueRequeueTests()
    {
        _metrics = new HostMetrics(_meters);
        _spool = new DiskSpool(_directory, 1L << 30, GzipCompressor.Create(1), _metrics, NullLogger<DiskSpool>.Instance);
        _queue = new BatchQueue(new QueueOptions { MemoryBytes = 1 << 20 }, _spool, new SpoolOptions { Mode = SpoolMode.Durable },
            new IntakeHealth(), TimeProvider.System, _metrics, NullLogger<BatchQueue>.Instance);
    }

    private void AcceptBatch(string message)
    {
        using var builder = new BatchBuilder(new BatchingOptions(), _queue);
        builder.BeginEvent();
        builder.Writer.WriteStartObject();
        builder.Writer.WriteString("message", message);
        builder.Writer.WriteEndObject();
        Assert.True(builder.EndEvent(out _));
        builder.Seal();
    }

    private async Task<EventBatch> TakeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return (await _queue.TakeAsync(patience.Token))!;
    }

    [Fact]
    public async Task AMemoryBatchIsTakenAgainWithItsEvents()
    {
        AcceptBatch("first");
        var batch = await TakeAsync();

        _queue.Requeue(batch);

        var again = await TakeAsync();
        Assert.Same(batch, again);
        Assert.Contains("first", System.Text.Encoding.UTF8.GetString(again.Json));
    }

    [Fact]
    public async Task ASpooledBatchIsReadFromItsFileAgain()
    {
        AcceptBatch("spooled");
        _queue.SpillMemory();   // as a stop does: the batch is now only in its file
        using var restarted = new BatchQueue(new QueueOptions(), _spool, new SpoolOptions(), new IntakeHealth(), TimeProvider.System, _metrics,
            NullLogger<BatchQueue>.Instance);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var batch = (await restarted.TakeAsync(patience.Token))!;
        Assert.True(batch.FromSpool);

        restarted.Requeue(batch);

        var again = (await restarted.TakeAsync(patience.Token))!;
        Assert.Equal((batch.Sequence, true), (again.Sequence, again.FromSpool));
        Assert.Contains("spooled", System.Text.Encoding.UTF8.GetString(again.Json));
        Assert.Single(Directory.GetFiles(_directory));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _metrics.Dispose();
        _meters.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
