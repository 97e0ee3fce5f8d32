namespace GrokFlow.Runtime.Host.Options;

/// <summary>The disk spool for batches the intake could not take yet (configuration <c>Spool</c>).</summary>
public sealed class SpoolOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Directory of the spool files; empty means <c>~/.local/share/grokflow/spool</c>.</summary>
    public string? Directory { get; set; }
    /// <summary>Size cap of the spool (compressed bytes on disk); batches beyond it are dropped and counted.</summary>
    public long MaxBytes { get; set; } = 1L * 1024 * 1024 * 1024;

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "grokflow", "spool")
        : Path.GetFullPath(Directory);
}
