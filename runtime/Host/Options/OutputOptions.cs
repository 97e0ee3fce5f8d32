namespace GrokFlow.Runtime.Host.Options;

/// <summary>Where events go when there is no API key (configuration <c>Output</c>, or <c>--output</c>).</summary>
public sealed class OutputOptions
{
    /// <summary>A file to append JSON lines to; empty writes to stdout.</summary>
    public string? Path { get; set; }
    /// <summary>Local output is written at the latest this long after an event arrived.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
