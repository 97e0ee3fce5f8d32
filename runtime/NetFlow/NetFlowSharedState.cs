using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// What every collector of the host shares: the interface-name table, the template store, the configured sampling
/// rates. Collectors (one per receive worker) each keep their own decoding state.
/// </summary>
internal sealed class NetFlowSharedState : IDisposable
{
    private readonly Dictionary<IPAddress, ulong> _samplingRates;

    public NetFlowSharedState(IOptions<NetFlowHostOptions> options, ILogger<TemplateStore> logger)
    {
        var o = options.Value;
        Interfaces = string.IsNullOrWhiteSpace(o.InterfaceMap) ? new InterfaceNameTable() : InterfaceNameTable.Load(o.InterfaceMap);
        Templates = string.IsNullOrWhiteSpace(o.TemplateCache) ? null : new TemplateStore(o.TemplateCache, logger);
        _samplingRates = o.SamplingRates.ToDictionary(r => IPAddress.Parse(r.Exporter), r => r.Interval);
        Aggregation = o.Aggregation;
    }

    public InterfaceNameTable Interfaces { get; }

    public TemplateStore? Templates { get; }

    public Aggregation.FlowAggregationOptions Aggregation { get; }

    public NetFlowCollectorOptions CollectorOptions(IReadOnlyCollection<int> versions) => new()
    {
        EnabledVersions = versions.Count == 0 ? new NetFlowCollectorOptions().EnabledVersions : versions.ToHashSet(),
        SamplingRates = _samplingRates,
        Interfaces = Interfaces,
        TemplateStore = Templates,
    };

    public void Dispose() => Templates?.Dispose();
}

/// <summary>Writes the template store when the host stops (SIGTERM), after the sources have stopped.</summary>
internal sealed class NetFlowStateService(NetFlowSharedState state) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        state.Templates?.Save();
        return Task.CompletedTask;
    }
}

internal static class NetFlowServiceCollectionExtensions
{
    /// <summary>The <c>NetFlow</c> section and the state its collectors share. Registered before the sources, so it stops after them.</summary>
    public static IServiceCollection AddNetFlow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NetFlowHostOptions>().Bind(configuration.GetSection("NetFlow")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetFlowHostOptions>, NetFlowHostOptionsValidator>();
        services.AddSingleton<NetFlowSharedState>();
        services.AddHostedService<NetFlowStateService>();
        return services;
    }
}
