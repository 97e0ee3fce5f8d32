using System.Text.Json;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Health;

/// <summary>
/// Whether the collector can do its job: ready once every configured source is bound and while the intake has not
/// answered "unauthorized" (a bad API key will not fix itself). The body says why, with the intake state and the
/// queue and spool sizes.
/// </summary>
internal sealed class HealthReport(IOptions<SourcesOptions> sources, BoundSources bound, IntakeHealth intake, HostMetrics metrics)
{
    public bool IsReady => bound.All.Count >= sources.Value.Sources.Count && intake.State != IntakeState.Unauthorized;

    public byte[] ReadyBody() => Write(IsReady ? "ready" : "not_ready");

    public byte[] LiveBody() => Write("alive");

    private byte[] Write(string status)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("status", status);
            w.WriteString("intake", IntakeStateName(intake.State));
            w.WriteNumber("queue_bytes", metrics.QueueBytes);
            w.WriteNumber("spool_bytes", metrics.SpoolBytes);
            w.WriteNumber("spool_files", metrics.SpoolFiles);
            w.WriteStartObject("sources");
            foreach (var source in sources.Value.Sources)
            {
                var name = source.DisplayName;
                w.WriteString(name, bound.All.TryGetValue(name, out var endPoint) ? $"{source.Protocol.ToString().ToLowerInvariant()}://{endPoint}" : "not bound");
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string IntakeStateName(IntakeState state) => state switch
    {
        IntakeState.Healthy => "healthy",
        IntakeState.Failing => "failing",
        IntakeState.Unauthorized => "unauthorized",
        _ => "unknown",
    };
}
