using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Tests.TestIntake;

/// <summary>
/// A Datadog logs intake served by Kestrel on 127.0.0.1 for end-to-end tests: records every <c>POST /api/v2/logs</c>
/// (headers, gunzipped body, the answer given) and answers as scripted: queued answers first, then the default
/// (202 unless changed). A hanging answer waits until <see cref="ReleaseHangs"/> or the client gives up.
/// </summary>
public sealed class TestIntakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IntakeAnswer> _script = new();
    private readonly ConcurrentQueue<(long Arrival, IntakeRequest Request)> _requests = new();
    private readonly Lock _arrivalGate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> _timeline = new();
    private long _arrivals;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IntakeAnswer _default = IntakeAnswer.Accepted;

    private TestIntakeServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request in the order it arrived (the order answers were handed out), not the order bodies finished.</summary>
    /// <remarks>
    /// Read from a snapshot: LINQ over the live queue sizes its result before enumerating, and overran (an
    /// IndexOutOfRangeException in CrashSafetyTests) when a request landed in between.
    /// </remarks>
    public IReadOnlyList<IntakeRequest> Requests => _requests.ToArray().OrderBy(r => r.Arrival).Select(r => r.Request).ToArray();

    public IReadOnlyList<IntakeRequest> Accepted => Requests.Where(r => r.AnsweredStatus is >= 200 and < 300).ToArray();

    /// <summary>Every event of every accepted request, in arrival order.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> AcceptedEvents => Accepted.SelectMany(r => r.Events).ToArray();

    public int AcceptedEventCount => Accepted.Sum(r => r.Events.Count);

    public static async Task<TestIntakeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestIntakeServer(app);
        app.MapPost("/api/v2/logs", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>Answers the next requests with these, in order, before falling back to the default.</summary>
    public void Script(params IntakeAnswer[] answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    /// <summary>The answer once the script is used up.</summary>
    public void AnswerByDefault(IntakeAnswer answer) => _default = answer;

    public void ReleaseHangs() => Interlocked.Exchange(ref _release, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// What happened to every request, in one line for the message of a failed wait: when it arrived, when its body
    /// was read, when it was answered (or hung, or was given up); seconds since the intake started.
    /// </summary>
    public string Describe() => $"intake: {_arrivals} requests [{string.Join("; ", _timeline)}]";

    private void Note(long arrival, string what) => _timeline.Enqueue($"#{arrival} {what} {_clock.Elapsed.TotalSeconds:F1}s");

    /// <summary>Polls until the condition holds; fails the test with <paramref name="what"/> after the timeout.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitUntilAsync(condition, timeout, () => what);

    /// <summary>The same, with the failure message made when it fails (so it can say what state things were in).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested) Assert.Fail($"timed out after {timeout} waiting for {what()}");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        IntakeAnswer answer;
        long arrival;
        lock (_arrivalGate)
        {
            answer = _script.TryDequeue(out var scripted) ? scripted : _default;
            arrival = ++_arrivals;
        }
        Note(arrival, "arrived");
        using var raw = new MemoryStream();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        try
        {
            await context.Request.Body.CopyToAsync(raw, context.RequestAborted);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up before its body arrived (a slow machine): recorded as unanswered, like a hang.
            _requests.Enqueue((arrival, new IntakeRequest(context.Request.Path, headers, (int)raw.Length, [], 0)));
            Note(arrival, "given up by the client before its body came");
            return;
        }
        var encoding = context.Request.Headers.ContentEncoding.ToString();
        byte[] body;
        try
        {
            body = encoding == "gzip" ? Gunzip(raw.ToArray()) : raw.ToArray();
        }
        catch (InvalidDataException e)
        {
            // Datadog answers a body it cannot inflate with 400; recorded, so a test sees it rather than a 500 loop.
            _requests.Enqueue((arrival, new IntakeRequest(context.Request.Path, headers, (int)raw.Length, [], 400)));
            Note(arrival, $"answered 400: the body does not inflate ({e.Message})");
            context.Response.StatusCode = 400;
            return;
        }
        Note(arrival, $"read ({body.Length} bytes)");
        if (answer.Hang)
        {
            _requests.Enqueue((arrival, new IntakeRequest(context.Request.Path, headers, (int)raw.Length, body, 0)));
            Note(arrival, "hangs as scripted");
            await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            Note(arrival, "hang ended");
            context.Abort();
            return;
        }
        _requests.Enqueue((arrival, new IntakeRequest(context.Request.Path, headers, (int)raw.Length, body, answer.Status)));
        context.Response.StatusCode = answer.Status;
        if (answer.HangInBody)
        {
            context.Response.ContentLength = 100;
            await context.Response.Body.FlushAsync(context.RequestAborted);
            Note(arrival, $"answered {answer.Status}, its body hangs as scripted");
            await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            Note(arrival, "hang ended");
            context.Abort();
            return;
        }
        if (answer.RetryAfter is { } retryAfter) context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
        await context.Response.WriteAsync(answer.Status is >= 200 and < 300 ? "{}" : $"{{\"errors\":[\"scripted {answer.Status}\"]}}");
        Note(arrival, $"answered {answer.Status}");
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseHangs();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
