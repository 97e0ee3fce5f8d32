using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// A minimal local logs intake for the load command: accepts <c>POST /api/v2/logs</c>, gunzips and counts the events
/// (each carries exactly one top-level <c>"ddsource":</c>, so counting that key is exact and cheap), answers 202.
/// </summary>
internal sealed class BenchIntake : IDisposable
{
    private static ReadOnlySpan<byte> EventKey => "\"ddsource\":"u8;

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private long _events, _requests, _compressedBytes;

    public BenchIntake()
    {
        Port = FreeTcpPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }
    public long Events => Interlocked.Read(ref _events);
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

    private void Handle(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        context.Request.InputStream.CopyTo(body);
        Interlocked.Add(ref _compressedBytes, body.Length);
        body.Position = 0;
        Stream content = context.Request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(body, CompressionMode.Decompress) : body;
        using var json = new MemoryStream();
        content.CopyTo(json);
        Interlocked.Add(ref _events, Count(json.GetBuffer().AsSpan(0, (int)json.Length)));
        Interlocked.Increment(ref _requests);
        context.Response.StatusCode = 202;
        context.Response.Close("{}"u8.ToArray(), willBlock: false);
    }

    private static long Count(ReadOnlySpan<byte> json)
    {
        long count = 0;
        int at;
        while ((at = json.IndexOf(EventKey)) >= 0)
        {
            count++;
            json = json[(at + EventKey.Length)..];
        }
        return count;
    }

    private static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
