using System.Net;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Options;

/// <summary>Checks the source list at start, naming each bad setting by its configuration path.</summary>
internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var errors = new List<string>();
        if (options.Sources.Count == 0) errors.Add("Sources: no source is configured; add at least one (type syslog or netflow, port).");
        var seen = new HashSet<(string, int, bool)>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var s = options.Sources[i];
            var at = $"Sources:{i}";
            if (s.Port is < 0 or > 65535) errors.Add($"{at}:Port: {s.Port} is not a port (1-65535, or 0 for any free port).");
            if (!IPAddress.TryParse(s.Bind, out _)) errors.Add($"{at}:Bind: '{s.Bind}' is not an IP address (e.g. 0.0.0.0, ::, 127.0.0.1).");
            if (s.Port != 0 && !seen.Add((s.Bind, s.Port, s.Protocol == SourceProtocol.Udp))) errors.Add($"{at}: {s.Bind}:{s.Port} is used by another source.");
            foreach (var network in s.AllowedNetworks)
                if (!GrokFlow.Runtime.Sources.SenderNetworks.TryParseNetwork(network, out _))
                    errors.Add($"{at}:AllowedNetworks: '{network}' is not a network (CIDR like 10.0.0.0/8, or an address).");
            foreach (var version in s.NetFlowVersions)
                if (version is not (5 or 9 or 10)) errors.Add($"{at}:NetFlowVersions: {version} is not 5, 9 or 10 (IPFIX).");
            if (s.NetFlowVersions.Count > 0 && s.Type != SourceType.NetFlow) errors.Add($"{at}:NetFlowVersions: only netflow sources take versions.");
            foreach (var tag in s.Tags)
                if (string.IsNullOrWhiteSpace(tag) || tag.Contains(',')) errors.Add($"{at}:Tags: '{tag}' is not a tag (key:value, no commas).");
            TcpSourceOptionsValidation.Check(s, at, errors);
            if (s.Workers is < 0 or > 256) errors.Add($"{at}:Workers: {s.Workers} must be 0 (one per core) to 256.");
            if (s.Type == SourceType.NetFlow && s.ReceiveMode == GrokFlow.Runtime.Sources.ReceiveMode.SharedSocket && s.WorkerCount > 1)
                errors.Add($"{at}:ReceiveMode: SharedSocket would spread one exporter's templates and data over several workers; NetFlow sources use ReusePort (or Workers: 1).");
            if (s.ReceiveBufferBytes < 65536) errors.Add($"{at}:ReceiveBufferBytes: {s.ReceiveBufferBytes} is below one datagram (65536).");
            if (s.ReceiveCoalesceMicroseconds is < 0 or > 100_000)
                errors.Add($"{at}:ReceiveCoalesceMicroseconds: {s.ReceiveCoalesceMicroseconds} is outside 0-100000.");
            if (s.ReceiveThreadNice is < -20 or > 19)
                errors.Add($"{at}:ReceiveThreadNice: {s.ReceiveThreadNice} is outside -20 to 19.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
