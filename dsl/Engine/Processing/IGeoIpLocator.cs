namespace GrokFlow.Engine.Processing;

/// <summary>
/// Locates public IP addresses for the <c>geo-ip-parser</c> processor (a MaxMind database in the runtime). It lives
/// here as an interface so that the dsl, which the generator also compiles, needs no database package.
/// </summary>
public interface IGeoIpLocator
{
    /// <summary>
    /// Looks up the address written as <paramref name="ipUtf8"/> (a valid, public IPv4 or IPv6 address) and, when the
    /// database knows it, writes Datadog's geo-IP members into the empty object <paramref name="target"/> of
    /// <paramref name="document"/>: <c>city.name</c>, <c>continent.code</c>/<c>name</c>, <c>country.iso_code</c>/<c>name</c>,
    /// <c>ipAddress</c>, <c>location.latitude</c>/<c>longitude</c>, <c>subdivision.iso_code</c>/<c>name</c> and
    /// <c>timezone</c>, each only when known. Returns false, writing nothing, when the address is not in the database.
    /// </summary>
    bool TryLocate(ReadOnlySpan<byte> ipUtf8, EventDocument document, int target);
}
