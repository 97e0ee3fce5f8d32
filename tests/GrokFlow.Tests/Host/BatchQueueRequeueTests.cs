using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;

namespace GrokFlow.Tests.Host;

/// <summary>
/// A batch whose sender failed unexpectedly waits again and wakes a sender: it must not sit in the spool unseen until
/// the next restart.
/// </summary>
public sealed class BatchQueueRequeueTests : IDisposable
{
    private readonly SpoolTestBed _bed = new("requeue");
    private readonly DiskSpool _spool;
    private readonly BatchQueue _queue;

    public BatchQueueRequeueTests()
    {
        _spool = _bed.OpenSpool();
        _queue = _bed.OpenQueue(_spool, 1 << 20, SpoolMode.Durable, new IntakeHealth());
    }

    private void AcceptBatch(string message) => SpoolTestBed.Seal(_queue, message);

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
        using var restarted = _bed.OpenQueue(_spool, new QueueOptions().MemoryBytes, SpoolMode.Durable, new IntakeHealth());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var batch = (await restarted.TakeAsync(patience.Token))!;
        Assert.True(batch.FromSpool);

        restarted.Requeue(batch);

        var again = (await restarted.TakeAsync(patience.Token))!;
        Assert.Equal((batch.Sequence, true), (again.Sequence, again.FromSpool));
        Assert.Contains("spooled", System.Text.Encoding.UTF8.GetString(again.Json));
        Assert.Single(Directory.GetFiles(_bed.Directory));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _bed.Dispose();
    }
}
