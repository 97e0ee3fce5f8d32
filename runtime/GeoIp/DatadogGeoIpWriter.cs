using System.Text;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.GeoIp;

/// <summary>
/// Writes a MaxMind record in the shape of Datadog's geo-IP parser output (members in the recorded order):
/// <c>{"city":{"name"},"continent":{"code","name"},"country":{"iso_code","name"},"ipAddress",
/// "location":{"latitude","longitude"},"subdivision":{"iso_code":"FR-IDF","name"},"timezone"}</c>.
/// </summary>
internal static class DatadogGeoIpWriter
{
    public static void Write(MaxMindCityRecord record, ReadOnlySpan<byte> ipUtf8, string language, EventDocument document, int target)
    {
        var cityName = Name(record.City, language);
        if (cityName is not null) SetString(document, Object(document, target, "city"u8), "name"u8, cityName);

        var continentName = Name(record.Continent, language);
        if (record.Continent?.Code is not null || continentName is not null)
        {
            var continent = Object(document, target, "continent"u8);
            if (record.Continent?.Code is { } code) SetString(document, continent, "code"u8, code);
            if (continentName is not null) SetString(document, continent, "name"u8, continentName);
        }

        var countryIso = record.Country?.IsoCode;
        var countryName = Name(record.Country, language);
        if (countryIso is not null || countryName is not null)
        {
            var country = Object(document, target, "country"u8);
            if (countryIso is not null) SetString(document, country, "iso_code"u8, countryIso);
            if (countryName is not null) SetString(document, country, "name"u8, countryName);
        }

        document.SetString(document.AddMember(target, "ipAddress"u8), ipUtf8);

        if (record.Location is { Latitude: { } latitude, Longitude: { } longitude })
        {
            var location = Object(document, target, "location"u8);
            document.SetDouble(document.AddMember(location, "latitude"u8), latitude);
            document.SetDouble(document.AddMember(location, "longitude"u8), longitude);
        }

        var first = record.Subdivisions is { Count: > 0 } subdivisions ? subdivisions[0] : null;
        var subdivisionName = Name(first, language);
        if (first?.IsoCode is not null || subdivisionName is not null)
        {
            var subdivision = Object(document, target, "subdivision"u8);
            // Datadog writes the full ISO 3166-2 code (FR-IDF) where MaxMind keeps the part after the country.
            if (first?.IsoCode is { } iso) SetString(document, subdivision, "iso_code"u8, countryIso is null ? iso : $"{countryIso}-{iso}");
            if (subdivisionName is not null) SetString(document, subdivision, "name"u8, subdivisionName);
        }

        if (record.Location?.TimeZone is { } timeZone) SetString(document, target, "timezone"u8, timeZone);
    }

    private static string? Name(MaxMindPlace? place, string language) =>
        place?.Names is { } names && names.TryGetValue(language, out var name) ? name : null;

    private static int Object(EventDocument document, int parent, ReadOnlySpan<byte> key)
    {
        var node = document.AddMember(parent, key);
        document.SetObject(node);
        return node;
    }

    private static void SetString(EventDocument document, int parent, ReadOnlySpan<byte> key, string value) =>
        document.SetString(document.AddMember(parent, key), Encoding.UTF8.GetBytes(value));
}
