using GrokFlow.Runtime.Host;

namespace GrokFlow.Runtime.Sink;

/// <summary>Writes each event as one JSON line to stdout or a file: the output when there is no API key.</summary>
internal sealed class JsonLinesBatchSink(Stream destination, HostMetrics metrics) : IBatchSink, IDisposable
{
    private readonly BufferedStream output = new(destination, 64 * 1024);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task DeliverAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                output.Write(batch.Event(i));
                output.WriteByte((byte)'\n');
            }
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            metrics.Sent(batch.Count, batch.Length, 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        output.Dispose();
        _gate.Dispose();
    }
}
