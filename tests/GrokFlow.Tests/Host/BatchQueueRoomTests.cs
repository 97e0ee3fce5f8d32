using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;

namespace GrokFlow.Tests.Host;

/// <summary>
/// When a stream source (TCP) may go on reading: memory first; the spool only while the intake fails or while files
/// already wait there (order). A healthy intake that is merely slower than the senders makes them wait instead.
/// </summary>
public sealed class BatchQueueRoomTests : IDisposable
{
    private const long Room = 64 * 1024;
    private const long MemoryBound = 4 * Room;
    private readonly SpoolTestBed _bed = new("room");
    private readonly IntakeHealth _health = new();
    private readonly DiskSpool _spool;
    private readonly BatchQueue _queue;

    public BatchQueueRoomTests()
    {
        _spool = _bed.OpenSpool();
        _queue = _bed.OpenQueue(_spool, MemoryBound, SpoolMode.Durable, _health);
    }

    private void AcceptBatch() => SpoolTestBed.Seal(_queue, new string('x', 1000));

    private void FillMemory()
    {
        while (_queue.HasRoomFor(Room) && _spool.PendingCount == 0) AcceptBatch();
        Assert.Equal(0, _spool.PendingCount);
    }

    [Fact]
    public void AHealthyIntakeBehindAFullMemoryQueueMakesStreamSourcesWaitInsteadOfSpooling()
    {
        _health.Set(IntakeState.Healthy);
        FillMemory();
        Assert.False(_queue.HasRoomFor(Room));
        Assert.True(_queue.MemoryCount > 0);
    }

    [Fact]
    public void AnUnknownIntakeCountsAsHealthy()
    {
        FillMemory();
        Assert.False(_queue.HasRoomFor(Room));
    }

    [Theory]
    [InlineData("Failing")]
    [InlineData("Unauthorized")]
    public void AFailingIntakeLetsStreamSourcesGoOnIntoTheSpool(string stateName)
    {
        var state = Enum.Parse<IntakeState>(stateName);
        _health.Set(IntakeState.Healthy);
        FillMemory();
        _health.Set(state);
        Assert.True(_queue.HasRoomFor(Room));
        AcceptBatch();
        Assert.Equal(1, _queue.WriteSpilled());
        Assert.Equal(1, _spool.PendingCount);
    }

    [Fact]
    public void ABatchForTheSpoolIsWrittenByTheSpoolWriterNotByTheSourceThatSealedIt()
    {
        _health.Set(IntakeState.Healthy);
        FillMemory();
        _health.Set(IntakeState.Failing);
        var queued = _bed.Metrics.QueueBytes;

        AcceptBatch();

        Assert.Equal((0, 0), (_spool.PendingCount, Directory.GetFiles(_bed.Directory).Length));
        Assert.True(_bed.Metrics.QueueBytes > queued, "the batch waiting for the writer counts as memory");
        Assert.True(_queue.HasRoomFor(Room), "behind it, new batches go to the spool too");
        Assert.Equal(1, _queue.WriteSpilled());
        Assert.Equal((1, 1, queued), (_spool.PendingCount, Directory.GetFiles(_bed.Directory).Length, _bed.Metrics.QueueBytes));
    }

    [Fact]
    public void ASourceWaitsForTheDiskOnlyWhenTheSpoolWriterIsAWholeMemoryQueueBehind()
    {
        _health.Set(IntakeState.Healthy);
        FillMemory();
        _health.Set(IntakeState.Failing);
        while (_bed.Metrics.QueueBytes + Room <= 2 * MemoryBound) AcceptBatch();
        Assert.Equal((0, 2 * MemoryBound), (_spool.PendingCount, _bed.Metrics.QueueBytes));

        AcceptBatch();

        Assert.Equal((1, 2 * MemoryBound), (_spool.PendingCount, _bed.Metrics.QueueBytes));
    }

    [Fact]
    public void BehindFilesWaitingInTheSpoolNewBatchesQueueOnDiskEvenWhenTheIntakeRecovered()
    {
        _health.Set(IntakeState.Healthy);
        FillMemory();
        _health.Set(IntakeState.Failing);
        AcceptBatch();
        _queue.WriteSpilled();
        Assert.Equal(1, _spool.PendingCount);
        _health.Set(IntakeState.Healthy);
        Assert.True(_queue.HasRoomFor(Room));
    }

    public void Dispose()
    {
        _queue.Dispose();
        _bed.Dispose();
    }
}
