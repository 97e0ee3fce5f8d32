using System.Net;
using GrokFlow.Runtime.NetFlow.Aggregation;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>The <c>NetFlow</c> configuration section: what the host does with decoded flows, for every NetFlow source.</summary>
public sealed class NetFlowHostOptions
{
    public FlowAggregationOptions Aggregation { get; set; } = new();

    /// <summary>Sampling intervals (1-in-N) per exporter address, winning over what exporters state.</summary>
    public List<ExporterSamplingRate> SamplingRates { get; set; } = [];

    /// <summary>A CSV file of <c>exporter,ifIndex,name,description</c> rows naming interfaces (learned names win).</summary>
    public string? InterfaceMap { get; set; }

    /// <summary>A file that keeps v9/IPFIX templates across restarts (none: templates are learned again after a restart).</summary>
    public string? TemplateCache { get; set; }
}

public sealed class ExporterSamplingRate
{
    public string Exporter { get; set; } = "";

    public ulong Interval { get; set; }
}

internal sealed class NetFlowHostOptionsValidator : IValidateOptions<NetFlowHostOptions>
{
    public ValidateOptionsResult Validate(string? name, NetFlowHostOptions options)
    {
        var errors = options.Aggregation.Validate().ToList();
        // TimeSpan binding reads a bare "60" as 60 days: a window that long is surely a typo for 00:01:00.
        if (options.Aggregation.Window > TimeSpan.FromDays(1)) errors.Add($"NetFlow:Aggregation:Window {options.Aggregation.Window} is over a day; write 00:01:00 for 60 seconds.");
        for (var i = 0; i < options.SamplingRates.Count; i++)
        {
            var rate = options.SamplingRates[i];
            if (!IPAddress.TryParse(rate.Exporter, out _)) errors.Add($"NetFlow:SamplingRates:{i}:Exporter '{rate.Exporter}' is not an IP address.");
            if (rate.Interval < 1) errors.Add($"NetFlow:SamplingRates:{i}:Interval must be at least 1 (1 = unsampled).");
        }
        if (!string.IsNullOrWhiteSpace(options.InterfaceMap) && !File.Exists(options.InterfaceMap))
            errors.Add($"NetFlow:InterfaceMap: {options.InterfaceMap} does not exist.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
