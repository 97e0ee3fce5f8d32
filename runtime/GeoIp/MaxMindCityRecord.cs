using MaxMind.Db;

namespace GrokFlow.Runtime.GeoIp;

/// <summary>
/// The parts of a MaxMind City (or Country) database record that Datadog's geo-IP output holds. Members a database
/// does not have (a Country database has no city, location or subdivisions) stay null.
/// </summary>
internal sealed record MaxMindCityRecord
{
    [MapKey("city")] public MaxMindPlace? City { get; init; }
    [MapKey("continent")] public MaxMindPlace? Continent { get; init; }
    [MapKey("country")] public MaxMindPlace? Country { get; init; }
    [MapKey("location")] public MaxMindLocation? Location { get; init; }
    [MapKey("subdivisions")] public List<MaxMindPlace>? Subdivisions { get; init; }
}

/// <summary>A city, continent, country or subdivision: localized names and, except for cities, a code.</summary>
internal sealed record MaxMindPlace
{
    /// <summary>The continent's two-letter code (<c>EU</c>).</summary>
    [MapKey("code")] public string? Code { get; init; }

    /// <summary>ISO 3166-1 for countries (<c>FR</c>), the ISO 3166-2 suffix for subdivisions (<c>IDF</c>).</summary>
    [MapKey("iso_code")] public string? IsoCode { get; init; }

    [MapKey("names")] public Dictionary<string, string>? Names { get; init; }
}

/// <summary>Coordinates and time zone of a network.</summary>
internal sealed record MaxMindLocation
{
    [MapKey("latitude")] public double? Latitude { get; init; }
    [MapKey("longitude")] public double? Longitude { get; init; }
    [MapKey("time_zone")] public string? TimeZone { get; init; }
}
