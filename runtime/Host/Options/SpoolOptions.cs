namespace GrokFlow.Runtime.Host.Options;

/// <summary>When batches reach the disk spool.</summary>
public enum SpoolMode
{
    /// <summary>
    /// A copy of every batch that has waited <see cref="SpoolOptions.MaxMemoryAge"/> (and of every batch at once while
    /// the intake fails) is on disk: a crash (kill -9, OOM kill) loses at most the last <c>MaxMemoryAge</c> of events.
    /// </summary>
    Durable,
    /// <summary>Only what does not fit the memory queue, and what is left at shutdown, goes to disk: a crash loses the memory queue.</summary>
    Overflow,
}

/// <summary>The disk spool for batches the intake could not take yet (configuration <c>Spool</c>).</summary>
public sealed class SpoolOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Directory of the spool files; empty means <c>~/.local/share/grokflow/spool</c>.</summary>
    public string? Directory { get; set; }
    /// <summary>Size cap of the spool (compressed bytes on disk); batches beyond it are dropped and counted.</summary>
    public long MaxBytes { get; set; } = 1L * 1024 * 1024 * 1024;
    /// <summary>Durable (the default) or Overflow; see <see cref="SpoolMode"/>.</summary>
    public SpoolMode Mode { get; set; } = SpoolMode.Durable;
    /// <summary>In the durable mode, events older than this are on disk (batches are also sealed within half of it).</summary>
    public TimeSpan MaxMemoryAge { get; set; } = TimeSpan.FromSeconds(1);

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "grokflow", "spool")
        : Path.GetFullPath(Directory);
}
