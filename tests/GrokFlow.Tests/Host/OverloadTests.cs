using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Host;
using GrokFlow.Tests.TestIntake;

namespace GrokFlow.Tests.Host;

/// <summary>An overloaded host drops at the socket, and every datagram it did not take is counted with a reason.</summary>
[Collection(nameof(EndToEndHostCollection))]
public sealed class OverloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HostTestSettings _settings = new();

    [Fact]
    public async Task DatagramsTheKernelDropsWhileTheWorkerIsBusyAreCountedAsReceiveBufferFull()
    {
        const int Lines = 3000;
        using var gate = new ManualResetEventSlim(false);
        await using var intake = await TestIntakeServer.StartAsync();
        await using var host = await RunningHost.StartAsync(_settings.ForIntake(intake.BaseAddress,
            ("Sources:0:Workers", "1"), ("Sources:0:ReceiveBufferBytes", "65536")), new GatedPipeline(gate));
        var lines = HostTestSettings.QnapLines(Lines).ToList();
        try
        {
            await host.SendAsync("qnap", lines[0]);
            await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Datagrams == 1, Patience, "the worker to take the first line");   // and block in the pipeline
            foreach (var line in lines.Skip(1)) await host.SendAsync("qnap", line);
            await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Dropped(DropReason.ReceiveBufferFull) > 0, Patience, "kernel drops counted");
        }
        finally
        {
            gate.Set();   // also when a wait failed: the host cannot stop while its worker is held
        }
        await TestIntakeServer.WaitUntilAsync(() => host.Metrics.Datagrams + host.Metrics.Dropped(DropReason.ReceiveBufferFull) == Lines, Patience,
            "every datagram received or counted as dropped");
        await host.StopAsync();
        Assert.Equal(host.Metrics.Datagrams, intake.AcceptedEventCount);
        Assert.Equal(Lines, intake.AcceptedEventCount + host.Metrics.Dropped(DropReason.ReceiveBufferFull));
        Assert.Equal(host.Metrics.Dropped(DropReason.ReceiveBufferFull), host.Metrics.DroppedTotal);
    }

    /// <summary>A pipeline that holds the receive worker until the test opens the gate.</summary>
    private sealed class GatedPipeline(ManualResetEventSlim gate) : IGrokPipeline
    {
        public string Id => "gated";
        public string Title => "gated";
        public string Filter => "";

        public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
        {
            gate.Wait();
            return GrokResult.NoMatch;
        }
    }

    public void Dispose() => _settings.Dispose();
}
