using System.Diagnostics;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// Scrapes the host's <c>/metrics</c> endpoint four times a second while the load runs, and reports how long a
/// scrape took (from the request to the last byte of the answer) since the last report: what a Prometheus scrape
/// costs with every source busy.
/// </summary>
internal sealed class MetricsScraper : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<double> _times = [];
    private readonly Task _loop;
    private int _failures;

    public MetricsScraper()
    {
        Port = LoopbackPorts.FreeTcpPort();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port to give the host as <c>Metrics:Listen=127.0.0.1:PORT</c>.</summary>
    public int Port { get; }

    public string HostSetting => $"--Metrics:Listen=127.0.0.1:{Port}";

    /// <summary>Median and longest scrape (ms) since the last call, and how many; NaN when none succeeded.</summary>
    public (double Median, double Max, int Count) Take()
    {
        lock (_times)
        {
            if (_times.Count == 0) return (double.NaN, double.NaN, 0);
            _times.Sort();
            var result = (_times[_times.Count / 2], _times[^1], _times.Count);
            _times.Clear();
            return result;
        }
    }

    private async Task LoopAsync()
    {
        var url = $"http://127.0.0.1:{Port}/metrics";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
                var watch = Stopwatch.StartNew();
                using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseContentRead, _stop.Token).ConfigureAwait(false);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode) continue;
                lock (_times) _times.Add(elapsed);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _failures++;   // not listening yet, or a timeout: no sample
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(6));
        }
        catch (AggregateException)
        {
            // the loop ended with the cancellation
        }
        _client.Dispose();
        _stop.Dispose();
    }
}
