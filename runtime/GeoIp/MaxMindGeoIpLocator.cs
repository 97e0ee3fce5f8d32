using System.Net;
using System.Net.Sockets;
using System.Text;
using GrokFlow.Engine.Processing;
using MaxMind.Db;

namespace GrokFlow.Runtime.GeoIp;

/// <summary>
/// Locates addresses in a MaxMind database (<c>.mmdb</c>, City or Country), opened once and memory-mapped; the reader
/// is safe to share between threads. Each lookup allocates (the address and the decoded record).
/// </summary>
internal sealed class MaxMindGeoIpLocator : IGeoIpLocator, IDisposable
{
    private const string Language = "en";

    private readonly Reader _reader;

    /// <exception cref="InvalidOperationException">The file cannot be read or is not a MaxMind database.</exception>
    public MaxMindGeoIpLocator(string databasePath)
    {
        try
        {
            _reader = new Reader(databasePath, FileAccessMode.MemoryMapped);
        }
        catch (Exception e) when (e is InvalidDatabaseException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"cannot open the GeoIP database {Path.GetFullPath(databasePath)}: {e.Message}", e);
        }
        Description = $"{Path.GetFullPath(databasePath)} ({_reader.Metadata.DatabaseType}, built {_reader.Metadata.BuildDate:yyyy-MM-dd})";
    }

    /// <summary>The file, its database type and build date, for the start-up log.</summary>
    public string Description { get; }

    public bool TryLocate(ReadOnlySpan<byte> ipUtf8, EventDocument document, int target)
    {
        var record = Find(ipUtf8);
        if (record is null) return false;
        DatadogGeoIpWriter.Write(record, ipUtf8, Language, document, target);
        return true;
    }

    private MaxMindCityRecord? Find(ReadOnlySpan<byte> ipUtf8)
    {
        Span<char> chars = stackalloc char[ipUtf8.Length];
        for (var i = 0; i < ipUtf8.Length; i++) chars[i] = (char)ipUtf8[i];
        if (!IPAddress.TryParse(chars, out var address)) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && _reader.Metadata.IPVersion == 4) return null;
        try
        {
            return _reader.Find<MaxMindCityRecord>(address);
        }
        catch (Exception e) when (e is InvalidDatabaseException or DeserializationException)
        {
            // A damaged record locates nothing; the event goes on with an empty geo-IP object.
            return null;
        }
    }

    public void Dispose() => _reader.Dispose();
}
