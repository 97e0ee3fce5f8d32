using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Spool;
using GrokFlow.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokFlow.Tests.Host;

/// <summary>
/// When a stream source (TCP) may go on reading: memory first; the spool only while the intake fails or while files
/// already wait there (order). A healthy intake that is merely slower than the senders makes them wait instead.
/// </summary>
public sealed class BatchQueueRoomTests : IDisposable
{
    private const long Room = 64 * 1024;
    private const long MemoryBound = 4 * Room;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"grokflow-room-{Guid.NewGuid():N}");
    private readonly TestMeterFactory _meters = new();
    private readonly HostMetrics _metrics;
    private readonly IntakeHealth _health = new();
    private readonly DiskSpool _spool;
    private readonly BatchQueue _queue;

    public BatchQueueRoomTests()
    {
        _metrics = new HostMetrics(_meters);
        _spool = new DiskSpool(_directory, 1L << 30, GzipCompressor.Create(1), _metrics, NullLogger<DiskSpool>.Instance);
        _queue = new BatchQueue(new QueueOptions { MemoryBytes = MemoryBound }, _spool, new SpoolOptions { Mode = SpoolMode.Durable },
            _health, TimeProvider.System, _metrics, NullLogger<BatchQueue>.Instance);
    }

    private void AcceptBatch()
    {
        using var builder = new BatchBuilder(new BatchingOptions(), _queue);
        builder.BeginEvent();
        builder.Writer.WriteStartObject();
        builder.Writer.WriteString("message", new string('x', 1000));
        builder.Writer.WriteEndObject();
        Assert.True(builder.EndEvent(out _));
        builder.Seal();
    }

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
        var queued = _metrics.QueueBytes;

        AcceptBatch();

        Assert.Equal((0, 0), (_spool.PendingCount, Directory.GetFiles(_directory).Length));
        Assert.True(_metrics.QueueBytes > queued, "the batch waiting for the writer counts as memory");
        Assert.True(_queue.HasRoomFor(Room), "behind it, new batches go to the spool too");
        Assert.Equal(1, _queue.WriteSpilled());
        Assert.Equal((1, 1, queued), (_spool.PendingCount, Directory.GetFiles(_directory).Length, _metrics.QueueBytes));
    }

    [Fact]
    public void ASourceWaitsForTheDiskOnlyWhenTheSpoolWriterIsAWholeMemoryQueueBehind()
    {
        _health.Set(IntakeState.Healthy);
        FillMemory();
        _health.Set(IntakeState.Failing);
        while (_metrics.QueueBytes + Room <= 2 * MemoryBound) AcceptBatch();
        Assert.Equal((0, 2 * MemoryBound), (_spool.PendingCount, _metrics.QueueBytes));

        AcceptBatch();

        Assert.Equal((1, 2 * MemoryBound), (_spool.PendingCount, _metrics.QueueBytes));
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
        _metrics.Dispose();
        _meters.Dispose();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
