using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>
/// Zone abbreviations Datadog accepts in date values (its docs parse <c>ADT</c> as −03:00). Each abbreviation names one
/// side of a daylight-saving pair, so it is a fixed offset. CET, EET, WET and MET are not listed: they are tz database
/// zones that follow daylight saving (the peer test reads <c>2007-08-31 ... CET</c> as +02:00), resolved as ids.
/// </summary>
internal static class ZoneAbbreviations
{
    private static readonly (byte[] Name, DateZone Zone)[] Table = Build(
        ("UTC", 0), ("UT", 0), ("GMT", 0), ("Z", 0), ("Zulu", 0),
        ("EST", -300), ("EDT", -240), ("CST", -360), ("CDT", -300), ("MST", -420), ("MDT", -360),
        ("PST", -480), ("PDT", -420), ("AKST", -540), ("AKDT", -480), ("HST", -600), ("HDT", -540),
        ("AST", -240), ("ADT", -180), ("NST", -210), ("NDT", -150),
        ("BRT", -180), ("ART", -180), ("CLT", -240), ("CLST", -180),
        ("BST", 60), ("IST", 330), ("WEST", 60), ("CEST", 120), ("MEST", 120), ("EEST", 180), ("MSK", 180),
        ("WAT", 60), ("CAT", 120), ("SAST", 120), ("EAT", 180), ("PKT", 300), ("ICT", 420), ("WIB", 420),
        ("HKT", 480), ("SGT", 480), ("PHT", 480), ("AWST", 480), ("JST", 540), ("KST", 540),
        ("ACST", 570), ("ACDT", 630), ("AEST", 600), ("AEDT", 660), ("NZST", 720), ("NZDT", 780));

    public static bool TryGet(ReadOnlySpan<byte> name, out DateZone zone)
    {
        foreach (var entry in Table)
        {
            if (name.SequenceEqual(entry.Name))
            {
                zone = entry.Zone;
                return true;
            }
        }

        zone = DateZone.Utc;
        return false;
    }

    private static (byte[], DateZone)[] Build(params (string Name, int OffsetMinutes)[] entries) =>
        entries.Select(e => (Encoding.UTF8.GetBytes(e.Name),
            e.OffsetMinutes == 0 ? DateZone.Utc : DateZone.FixedOffset(e.OffsetMinutes * 60, e.Name))).ToArray();
}
