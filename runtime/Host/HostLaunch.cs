using Microsoft.Extensions.DependencyInjection;

namespace GrokFlow.Runtime.Host;

/// <summary>How the host is started: by <c>grokflow run</c> (command line, files, environment) or by tests (settings in memory).</summary>
internal sealed record HostLaunch
{
    /// <summary>Configuration from the command line (<c>--Datadog:Site=datadoghq.eu</c>, <c>--Spool:Directory /x</c>).</summary>
    public string[] ConfigurationArgs { get; init; } = [];
    /// <summary><c>--output FILE</c>: JSON lines go to this file when there is no API key.</summary>
    public string? OutputPath { get; init; }
    /// <summary><c>--config FILE</c>: a JSON settings file read after appsettings.json.</summary>
    public string? ConfigFile { get; init; }
    /// <summary>Read appsettings.json beside the executable (the defaults) and in the working directory.</summary>
    public bool UseAppSettings { get; init; } = true;
    /// <summary>Read the environment (<c>GROKFLOW_</c> variables, <c>DD_API_KEY</c>, <c>DD_SITE</c>).</summary>
    public bool UseEnvironment { get; init; } = true;
    /// <summary>Settings that win over everything else (tests).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    /// <summary>Last-word service changes (tests: a fake pipeline catalog).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
