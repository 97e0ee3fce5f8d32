namespace GrokFlow.Tests.GeoIp;

/// <summary>
/// A MaxMind City database written for the test into a temporary folder: Paris as Datadog's recorded results locate
/// 185.64.148.0, an IPv6 network in Lyon, a country-only network, and a record for 10.0.0.0/8 that a geo-IP parser
/// must never report (private addresses are not located).
/// </summary>
public sealed class TestGeoIpDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("grokflow-geoip-");

    public TestGeoIpDatabase()
    {
        Path = System.IO.Path.Combine(_folder.FullName, "test-city.mmdb");
        new MmdbTestWriter("GrokFlow-Test-City")
            .Add("185.64.148.0/24", City("Paris", "FR", "France", "IDF", "Île-de-France", 48.90654, 2.33339))
            .Add("2a01:cb00::/32", City("Lyon", "FR", "France", "ARA", "Auvergne-Rhône-Alpes", 45.7485, 4.8467))
            .Add("81.2.69.0/24", new Dictionary<string, object>
            {
                ["continent"] = Named(("code", "EU"), "Europe"),
                ["country"] = Named(("iso_code", "GB"), "United Kingdom"),
            })
            .Add("10.0.0.0/8", City("Nowhere", "ZZ", "Private", "PRV", "Private", 0.5, 0.5))
            .WriteTo(Path);
    }

    public string Path { get; }

    /// <summary>The location Datadog records for 185.64.148.0 (checkpoint_quantum_firewall, cisco_duo, ...).</summary>
    public const string ParisAsRecorded = """{"city":{"name":"Paris"},"continent":{"code":"EU","name":"Europe"},"country":{"iso_code":"FR","name":"France"},"ipAddress":"185.64.148.0","location":{"latitude":48.90654,"longitude":2.33339},"subdivision":{"iso_code":"FR-IDF","name":"Île-de-France"},"timezone":"Europe/Paris"}""";

    public void Dispose() => _folder.Delete(recursive: true);

    private static Dictionary<string, object> City(string city, string countryIso, string country, string subdivisionIso, string subdivision, double latitude, double longitude) => new()
    {
        ["city"] = new Dictionary<string, object> { ["geoname_id"] = 2988507u, ["names"] = Names(city) },
        ["continent"] = Named(("code", "EU"), "Europe"),
        ["country"] = Named(("iso_code", countryIso), country),
        ["location"] = new Dictionary<string, object>
        {
            ["accuracy_radius"] = (ushort)20,
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["time_zone"] = "Europe/Paris",
        },
        ["postal"] = new Dictionary<string, object> { ["code"] = "75001" },
        ["subdivisions"] = new List<object> { Named(("iso_code", subdivisionIso), subdivision) },
    };

    private static Dictionary<string, object> Named((string Key, string Value) code, string name) => new()
    {
        [code.Key] = code.Value,
        ["geoname_id"] = 6255148u,
        ["names"] = Names(name),
    };

    private static Dictionary<string, object> Names(string english) => new() { ["de"] = english + " (de)", ["en"] = english };
}
