using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GrokFlow.Tests.Host;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task InvalidSettingsStopTheStartWithMessagesNamingThem()
    {
        using var host = GrokFlowHostFactory.CreateBuilder(new HostLaunch
        {
            UseAppSettings = false,
            UseEnvironment = false,
            Settings = new Dictionary<string, string?>
            {
                ["Sources:0:Type"] = "Syslog",
                ["Sources:0:Port"] = "70000",
                ["Sources:0:AllowedNetworks:0"] = "10.0.0.0/99",
                ["Sources:0:ReceiveCoalesceMicroseconds"] = "-1",
                ["Sources:0:ReceiveThreadNice"] = "-21",
                ["Logging:LogLevel:Default"] = "None",
            },
        }).Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        var all = string.Join("\n", error.Failures);
        Assert.Contains("Sources:0:Port: 70000", all);
        Assert.Contains("Sources:0:AllowedNetworks: '10.0.0.0/99'", all);
        Assert.Contains("Sources:0:ReceiveCoalesceMicroseconds: -1", all);
        Assert.Contains("Sources:0:ReceiveThreadNice: -21", all);
    }

    [Fact]
    public void TheShippedDefaultsAreTheSeedSetup()
    {
        using var host = GrokFlowHostFactory.CreateBuilder(new HostLaunch { UseEnvironment = false }).Build();
        var sources = host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value.Sources;
        var netflow = sources.Single(s => s.Type == SourceType.NetFlow);
        Assert.Equal((5140, "netflow"), (netflow.Port, netflow.Source));
        Assert.Equal([5, 9, 10], netflow.NetFlowVersions);
        var syslog = sources.Single(s => s.Type == SourceType.Syslog);
        Assert.Equal((15141, "qnap-nas", "qnap"), (syslog.Port, syslog.Service, syslog.Source));
        // docs/host.md's defaults for the receive threads.
        Assert.All(sources, s => Assert.Equal((500, -5), (s.ReceiveCoalesceMicroseconds, s.ReceiveThreadNice)));
        var datadog = host.Services.GetRequiredService<IOptions<DatadogOptions>>().Value;
        Assert.False(datadog.HasApiKey);
        Assert.StartsWith("grokflow: no DD_API_KEY", GrokFlowHostFactory.DescribeOutput(host.Services));
    }

    [Theory]
    [InlineData("datadoghq.com", null, "https://http-intake.logs.datadoghq.com/")]
    [InlineData("datadoghq.eu", null, "https://http-intake.logs.datadoghq.eu/")]
    [InlineData("us5.datadoghq.com", null, "https://http-intake.logs.us5.datadoghq.com/")]
    [InlineData("ddog-gov.com", null, "https://http-intake.logs.ddog-gov.com/")]
    [InlineData("datadoghq.com", "http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    public void TheIntakeFollowsTheSiteUnlessAUrlOverridesIt(string site, string? url, string expected) =>
        Assert.Equal(expected, new DatadogOptions { Site = site, Url = url }.IntakeBaseAddress.ToString());
}
