using GrokFlow.Runtime.Host.Health;
using GrokFlow.Runtime.Host.Metrics;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;
using GrokFlow.Runtime.Sources.Tcp;
using GrokFlow.Runtime.Spool;
using GrokFlow.Runtime.Syslog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Refit;

namespace GrokFlow.Runtime.Host;

/// <summary>Builds the grokflow host: configuration, options, sources, queue, spool and sink.</summary>
internal static class GrokFlowHostFactory
{
    public static HostApplicationBuilder CreateBuilder(HostLaunch launch)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "grokflow",
        });
        ConfigureConfiguration(builder.Configuration, launch);
        ConfigureLogging(builder);
        var hasApiKey = !string.IsNullOrWhiteSpace(builder.Configuration["Datadog:ApiKey"]);
        AddOptions(builder.Services, builder.Configuration, launch);
        AddPipeline(builder.Services, hasApiKey);
        if (hasApiKey) AddDatadogSink(builder.Services);
        else AddLocalSink(builder.Services);
        builder.Services.AddHostedService<DeliveryService>();
        builder.Services.AddHostedService<SpoolPersistService>();
        builder.Services.AddHostedService<BatchFlushService>();
        builder.Services.AddHostedService<SourcesService>();
        builder.Services.AddHostedService<TcpSourcesService>();
        builder.Services.AddHostedService<SummaryService>();
        builder.Services.AddSingleton<HealthReport>();
        builder.Services.AddGrokFlowMetrics(builder.Configuration);
        builder.Services.AddSystemd();
        launch.ConfigureServices?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>The first log line: where events go.</summary>
    public static string DescribeOutput(IServiceProvider services)
    {
        var datadog = services.GetRequiredService<IOptions<DatadogOptions>>().Value;
        if (datadog.HasApiKey) return $"grokflow: shipping to Datadog at {datadog.IntakeBaseAddress}api/v2/logs ({services.GetRequiredService<GzipCompressor>().Description})";
        var output = services.GetRequiredService<IOptions<OutputOptions>>().Value;
        return string.IsNullOrWhiteSpace(output.Path)
            ? "grokflow: no DD_API_KEY, so events are written to stdout as JSON lines (set DD_API_KEY to ship them to Datadog, or --output FILE)"
            : $"grokflow: no DD_API_KEY, so events are written to {Path.GetFullPath(output.Path)} as JSON lines (set DD_API_KEY to ship them to Datadog)";
    }

    private static void ConfigureConfiguration(ConfigurationManager configuration, HostLaunch launch)
    {
        if (launch.UseAppSettings)
        {
            configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
            var local = Path.GetFullPath("appsettings.json");
            if (!string.Equals(local, Path.Combine(AppContext.BaseDirectory, "appsettings.json"), StringComparison.Ordinal))
                configuration.AddJsonFile(local, optional: true, reloadOnChange: false);
        }
        if (launch.ConfigFile is not null)
            configuration.AddJsonFile(Path.GetFullPath(launch.ConfigFile), optional: false, reloadOnChange: false);
        if (launch.UseEnvironment)
        {
            configuration.AddEnvironmentVariables("GROKFLOW_");
            configuration.AddInMemoryCollection(DatadogEnvironment.Read());
        }
        configuration.AddCommandLine(launch.ConfigurationArgs);
        if (launch.OutputPath is not null) configuration.AddInMemoryCollection([new("Output:Path", launch.OutputPath)]);
        configuration.AddInMemoryCollection(launch.Settings);
    }

    private static void ConfigureLogging(HostApplicationBuilder builder)
    {
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);   // start failures are reported by grokflow run, without the stack
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        // stdout carries the events when there is no API key: every log line goes to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static void AddOptions(IServiceCollection services, IConfiguration configuration, HostLaunch launch)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<DatadogOptions>().Bind(configuration.GetSection("Datadog")).ValidateOnStart();
        services.AddOptions<BatchingOptions>().Bind(configuration.GetSection("Batching")).ValidateOnStart();
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection("Queue")).ValidateOnStart();
        services.AddOptions<SpoolOptions>().Bind(configuration.GetSection("Spool")).ValidateOnStart();
        services.AddOptions<OutputOptions>().Bind(configuration.GetSection("Output"));
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection("Summary"));
        services.AddOptions<GeoIpOptions>().Bind(configuration.GetSection("GeoIp")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatadogOptions>, DatadogOptionsValidator>();
        services.AddSingleton<IValidateOptions<BatchingOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<QueueOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<SpoolOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<GeoIpOptions>, GeoIpOptionsValidator>();
        services.AddNetFlow(configuration);
        var drain = configuration.GetSection("Queue").Get<QueueOptions>()?.DrainTimeout ?? new QueueOptions().DrainTimeout;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = drain + TimeSpan.FromSeconds(15));
    }

    private static void AddPipeline(IServiceCollection services, bool hasApiKey)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<IntakeHealth>();
        services.AddSingleton<BoundSources>();
        services.AddSingleton<TcpSourceMetrics>();
        services.AddSingleton<IPipelineCatalog, BuiltInPipelineCatalog>();
        services.AddSingleton<PipelineRoutes>();
        services.AddSingleton<IDatagramHandlerFactory, SyslogHandlerFactory>();
        services.AddSingleton<IDatagramHandlerFactory, NetFlowHandlerFactory>();
        services.AddSingleton(sp => GzipCompressor.Create(sp.GetRequiredService<IOptions<DatadogOptions>>().Value.CompressionLevel));
        services.AddSingleton(sp =>
        {
            var spool = sp.GetRequiredService<IOptions<SpoolOptions>>().Value;
            var disk = spool.Enabled && hasApiKey
                ? new DiskSpool(spool.ResolvedDirectory, spool.MaxBytes, sp.GetRequiredService<GzipCompressor>(), sp.GetRequiredService<HostMetrics>(), sp.GetRequiredService<ILogger<DiskSpool>>())
                : null;
            return new BatchQueue(sp.GetRequiredService<IOptions<QueueOptions>>().Value, disk, spool, sp.GetRequiredService<IntakeHealth>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<HostMetrics>(), sp.GetRequiredService<ILogger<BatchQueue>>());
        });
        services.AddSingleton(sp =>
        {
            var queue = sp.GetRequiredService<BatchQueue>();
            var flush = hasApiKey ? sp.GetRequiredService<IOptions<BatchingOptions>>().Value.FlushInterval : sp.GetRequiredService<IOptions<OutputOptions>>().Value.FlushInterval;
            // Durable spool: a batch is sealed within half the memory age, so its copy can be on disk within the other half.
            if (queue.Durable) flush = TimeSpan.FromTicks(Math.Min(flush.Ticks, sp.GetRequiredService<IOptions<SpoolOptions>>().Value.MaxMemoryAge.Ticks / 2));
            return new BatchBuilders(sp.GetRequiredService<IOptions<BatchingOptions>>().Value, queue, flush, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new DeliveryConcurrency(hasApiKey ? sp.GetRequiredService<IOptions<DatadogOptions>>().Value.MaxInFlight : 1));
    }

    private static void AddDatadogSink(IServiceCollection services)
    {
        services.AddTransient<ApiKeyHandler>();
        services.AddRefitGeneratedClient<IDatadogLogsApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<DatadogOptions>>().Value.IntakeBaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;   // DatadogBatchSink bounds each attempt (Datadog:AttemptTimeout)
            })
            .AddHttpMessageHandler<ApiKeyHandler>();
        services.AddSingleton<IBatchSink, DatadogBatchSink>();
    }

    private static void AddLocalSink(IServiceCollection services)
    {
        services.AddSingleton<IBatchSink>(sp =>
        {
            var path = sp.GetRequiredService<IOptions<OutputOptions>>().Value.Path;
            var stream = string.IsNullOrWhiteSpace(path)
                ? Console.OpenStandardOutput()
                : new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new JsonLinesBatchSink(stream, sp.GetRequiredService<HostMetrics>());
        });
    }
}
