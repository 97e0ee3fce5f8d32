namespace GrokFlow.Runtime.Host.Options;

/// <summary>The geo-IP parser's database (configuration <c>GeoIp</c>; <c>grokflow run --geoip-database PATH</c>).</summary>
public sealed class GeoIpOptions
{
    /// <summary>
    /// A MaxMind database file (<c>.mmdb</c>, e.g. GeoLite2-City); empty means none, and geo-ip-parser steps are skipped.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>How a user sets it, for the notice given when a pipeline needs it.</summary>
    public const string HowToConfigure = "set GeoIp:Database (grokflow run --geoip-database PATH) to a MaxMind .mmdb file";
}
