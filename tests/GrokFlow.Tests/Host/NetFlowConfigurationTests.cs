using GrokFlow.Runtime.Host;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFlow.Tests.Host;

/// <summary>A bad <c>NetFlow</c> section stops the start with messages naming its keys.</summary>
public sealed class NetFlowConfigurationTests
{
    [Fact]
    public async Task InvalidNetFlowSettingsStopTheStartWithMessagesNamingThem()
    {
        using var host = GrokFlowHostFactory.CreateBuilder(new HostLaunch
        {
            UseAppSettings = false,
            UseEnvironment = false,
            Settings = new Dictionary<string, string?>
            {
                ["Sources:0:Type"] = "NetFlow",
                ["Sources:0:Port"] = "0",
                ["NetFlow:Aggregation:Window"] = "60",
                ["NetFlow:Aggregation:TopN"] = "-1",
                ["NetFlow:SamplingRates:0:Exporter"] = "router-1",
                ["NetFlow:SamplingRates:0:Interval"] = "0",
                ["NetFlow:InterfaceMap"] = "/nonexistent/interfaces.csv",
                ["Logging:LogLevel:Default"] = "None",
            },
        }).Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        var all = string.Join("\n", error.Failures);
        Assert.Contains("NetFlow:Aggregation:Window 60.00:00:00 is over a day; write 00:01:00 for 60 seconds", all);
        Assert.Contains("NetFlow:Aggregation:TopN must not be negative", all);
        Assert.Contains("NetFlow:SamplingRates:0:Exporter 'router-1' is not an IP address", all);
        Assert.Contains("NetFlow:SamplingRates:0:Interval must be at least 1", all);
        Assert.Contains("NetFlow:InterfaceMap: /nonexistent/interfaces.csv does not exist", all);
    }
}
