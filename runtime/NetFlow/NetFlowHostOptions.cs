using GrokFlow.Runtime.NetFlow.Aggregation;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>The <c>NetFlow</c> configuration section: what the host does with decoded flows, for every NetFlow source.</summary>
public sealed class NetFlowHostOptions
{
    public FlowAggregationOptions Aggregation { get; set; } = new();
}

internal sealed class NetFlowHostOptionsValidator : IValidateOptions<NetFlowHostOptions>
{
    public ValidateOptionsResult Validate(string? name, NetFlowHostOptions options)
    {
        var errors = options.Aggregation.Validate().ToList();
        // TimeSpan binding reads a bare "60" as 60 days: a window that long is surely a typo for 00:01:00.
        if (options.Aggregation.Window > TimeSpan.FromDays(1)) errors.Add($"NetFlow:Aggregation:Window {options.Aggregation.Window} is over a day; write 00:01:00 for 60 seconds.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
