using Microsoft.Extensions.Options;

namespace GrokFlow.Runtime.Host.Options;

/// <summary>Checks at start that a configured GeoIP database exists (its format is checked when it is opened).</summary>
internal sealed class GeoIpOptionsValidator : IValidateOptions<GeoIpOptions>
{
    public ValidateOptionsResult Validate(string? name, GeoIpOptions o) =>
        string.IsNullOrWhiteSpace(o.Database) || File.Exists(o.Database)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"GeoIp:Database: file not found: {Path.GetFullPath(o.Database)}");
}
