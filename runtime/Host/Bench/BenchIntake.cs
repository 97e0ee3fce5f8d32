using System.IO.Compression;
using System.Net;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// A minimal local logs intake for the load command: accepts <c>POST /api/v2/logs</c>, gunzips the body, reads every
/// event's sequence number (so lost and duplicated events are counted by number), checks the full content of the
/// events of every 16th request against what was sent, and answers 202.
/// </summary>
internal sealed class BenchIntake : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly BenchLoad _load;
    private readonly object _gate = new();
    private ulong[] _seen = new ulong[1 << 16];
    private long _events, _distinct, _duplicates, _requests, _compressedBytes, _checked;
    private readonly List<string> _mismatches = [];

    public BenchIntake(BenchLoad load)
    {
        _load = load;
        Port = LoopbackPorts.FreeTcpPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }
    /// <summary>Events received, duplicates included.</summary>
    public long Events => Interlocked.Read(ref _events);
    /// <summary>Different sequence numbers received.</summary>
    public long Distinct => Interlocked.Read(ref _distinct);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Checked => Interlocked.Read(ref _checked);
    public IReadOnlyList<string> Mismatches { get { lock (_gate) return [.. _mismatches]; } }
    public long Requests => Interlocked.Read(ref _requests);
    public long CompressedBytes => Interlocked.Read(ref _compressedBytes);

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => Handle(context));
        }
    }

    // Pooled buffers: the intake shares the cores with the host it measures, so it should not spend them on garbage.
    private void Handle(HttpListenerContext context)
    {
        using var body = new PooledBufferStream(256 * 1024);
        context.Request.InputStream.CopyTo(body);
        Interlocked.Add(ref _compressedBytes, body.Length);
        using var json = new PooledBufferStream(1024 * 1024);
        var received = new MemoryStream(body.Buffer, 0, (int)body.Length, writable: false);
        if (context.Request.Headers["Content-Encoding"] == "gzip")
        {
            using var gzip = new GZipStream(received, CompressionMode.Decompress);
            gzip.CopyTo(json);
        }
        else received.CopyTo(json);
        Count(json.Buffer.AsSpan(0, (int)json.Length));
        if (Interlocked.Increment(ref _requests) % 16 == 1) CheckContent(json.Buffer.AsMemory(0, (int)json.Length));
        context.Response.StatusCode = 202;
        context.Response.Close("{}"u8.ToArray(), willBlock: false);
    }

    private void Count(ReadOnlySpan<byte> json)
    {
        var key = _load.SequenceKey;
        int at;
        lock (_gate)
        {
            while ((at = json.IndexOf(key)) >= 0)
            {
                json = json[(at + key.Length)..];
                if (_load.DigitsAfter != 0) json = json[(json.IndexOf(_load.DigitsAfter) + 1)..];
                long sequence = 0;
                var i = 0;
                for (; i < json.Length && json[i] is >= (byte)'0' and <= (byte)'9'; i++) sequence = sequence * 10 + json[i] - '0';
                Mark(sequence);
            }
        }
    }

    private void Mark(long sequence)
    {
        var word = (int)(sequence >> 6);
        if (word >= _seen.Length) Array.Resize(ref _seen, Math.Max(_seen.Length * 2, word + 1));
        var bit = 1UL << (int)(sequence & 63);
        _events++;
        if ((_seen[word] & bit) != 0) _duplicates++;
        else
        {
            _seen[word] |= bit;
            _distinct++;
        }
    }

    private void CheckContent(ReadOnlyMemory<byte> json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var text = e.GetRawText();
            var key = System.Text.Encoding.UTF8.GetString(_load.SequenceKey);
            var at = text.IndexOf(key, StringComparison.Ordinal) + key.Length;
            if (_load.DigitsAfter != 0) at = text.IndexOf((char)_load.DigitsAfter, at) + 1;
            var end = at;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            var problem = long.TryParse(text.AsSpan(at, end - at), out var sequence) ? _load.Check(e, sequence) : $"no sequence number in {text}";
            Interlocked.Increment(ref _checked);
            if (problem is null) continue;
            lock (_gate) if (_mismatches.Count < 5) _mismatches.Add(problem);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
