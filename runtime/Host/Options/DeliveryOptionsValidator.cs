using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Options;

/// <summary>Checks batching, queue and spool settings at start.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<BatchingOptions>, IValidateOptions<QueueOptions>, IValidateOptions<SpoolOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchingOptions o)
    {
        var errors = new List<string>();
        if (o.MaxEvents is < 1 or > 1000) errors.Add($"Batching:MaxEvents: {o.MaxEvents} must be 1-1000 (Datadog's limit).");
        if (o.MaxBytes is < 1024 or > 5_000_000) errors.Add($"Batching:MaxBytes: {o.MaxBytes} must be 1024-5000000 (Datadog's limit).");
        if (o.MaxEventBytes < 256 || o.MaxEventBytes > 1_000_000 || o.MaxEventBytes > o.MaxBytes - 2)
            errors.Add($"Batching:MaxEventBytes: {o.MaxEventBytes} must be 256-1000000 and fit in Batching:MaxBytes.");
        if (o.FlushInterval <= TimeSpan.Zero) errors.Add("Batching:FlushInterval must be positive.");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, QueueOptions o)
    {
        var errors = new List<string>();
        if (o.MemoryBytes < 1024 * 1024) errors.Add($"Queue:MemoryBytes: {o.MemoryBytes} must be at least 1 MiB.");
        if (o.DrainTimeout < TimeSpan.Zero) errors.Add("Queue:DrainTimeout must not be negative.");
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SpoolOptions o)
    {
        var errors = new List<string>();
        if (o.Enabled && o.MaxBytes < 1024 * 1024) errors.Add($"Spool:MaxBytes: {o.MaxBytes} must be at least 1 MiB.");
        if (o.MaxMemoryAge < TimeSpan.FromMilliseconds(20)) errors.Add($"Spool:MaxMemoryAge: {o.MaxMemoryAge} must be at least 20 ms.");
        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
