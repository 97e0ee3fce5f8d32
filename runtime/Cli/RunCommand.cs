using System.CommandLine;
using GrokFlow.Runtime.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow run</c>: the collector. Syslog and NetFlow over UDP in, events to Datadog (or stdout) out.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--output") { Description = "Without DD_API_KEY, append JSON lines to this file instead of stdout." };
        var config = new Option<string?>("--config") { Description = "A JSON settings file read after appsettings.json (same keys)." };
        var geoIpDatabase = new Option<string?>("--geoip-database") { Description = "A MaxMind .mmdb database for geo-ip-parser steps (setting GeoIp:Database); without one they are skipped." };
        var command = new Command("run", """
            Run the collector (the default command). Receives syslog and NetFlow/IPFIX over UDP, applies the compiled
            pipelines and sends batches to Datadog (DD_API_KEY, DD_SITE); without DD_API_KEY it writes JSON lines to
            stdout. Any setting can be given as --Section:Key=value, e.g. --Datadog:Url=http://127.0.0.1:8080
            --Sources:0:Port=5140 --Spool:Directory=/var/lib/grokflow/spool. See docs/host.md.
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(output);
        command.Options.Add(config);
        command.Options.Add(geoIpDatabase);
        command.SetAction(async (result, cancellationToken) =>
        {
            var launch = new HostLaunch
            {
                ConfigurationArgs = result.GetValue(geoIpDatabase) is { } database
                    ? [.. result.UnmatchedTokens, $"--GeoIp:Database={database}"]
                    : [.. result.UnmatchedTokens],
                OutputPath = result.GetValue(output),
                ConfigFile = result.GetValue(config),
            };
            return await RunAsync(launch, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(HostLaunch launch, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = GrokFlowHostFactory.CreateBuilder(launch).Build();
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or FormatException)
        {
            await Console.Error.WriteLineAsync($"grokflow: cannot read the configuration: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        using (host)
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GrokFlow");
            try
            {
                logger.LogInformation("{Output}", GrokFlowHostFactory.DescribeOutput(host.Services));
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (OptionsValidationException e)
            {
                foreach (var failure in e.Failures) logger.LogCritical("Configuration: {Failure}", failure);
                return 2;
            }
            catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
            {
                foreach (var failure in e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures))
                    logger.LogCritical("Configuration: {Failure}", failure);
                return 2;
            }
            catch (InvalidOperationException e)
            {
                logger.LogCritical("{Problem}", e.Message);
                return 1;
            }
        }
    }
}
