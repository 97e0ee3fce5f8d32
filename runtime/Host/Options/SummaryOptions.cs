namespace GrokFlow.Runtime.Host.Options;

/// <summary>The periodic one-line summary in the log (configuration <c>Summary</c>).</summary>
public sealed class SummaryOptions
{
    /// <summary>Interval between summary lines; zero turns them off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);
}
