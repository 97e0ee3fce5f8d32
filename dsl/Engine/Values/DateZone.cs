using System.Runtime.CompilerServices;
using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>
/// A time zone a date is read in: a fixed offset, or a tz database zone whose offset depends on the date (so
/// Europe/Paris is +02:00 in June and +01:00 in January). Immutable.
/// </summary>
internal sealed class DateZone
{
    private const long MaxTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks
    private readonly TimeZoneInfo? zone;
    private readonly long fixedOffsetTicks;

    private DateZone(TimeZoneInfo? zone, long fixedOffsetTicks, string name)
    {
        this.zone = zone;
        this.fixedOffsetTicks = fixedOffsetTicks;
        Name = name;
    }

    public static DateZone Utc { get; } = new(null, 0, "UTC");

    public string Name { get; }

    /// <summary>The offset, when it is the same at every instant (no tz database zone); null otherwise.</summary>
    public long? FixedOffsetTicks => zone is null ? fixedOffsetTicks : null;

    public static DateZone FixedOffset(int offsetSeconds, string name) =>
        new(null, offsetSeconds * TimeSpan.TicksPerSecond, name);

    public static DateZone FromTimeZone(TimeZoneInfo zone) => new(zone, 0, zone.Id);

    /// <summary>The zone a timezone argument or a value's zone text names (see <see cref="TimeZoneArgument"/>), or null.</summary>
    public static DateZone? Parse(string text, out string? error)
    {
        if (!TimeZoneArgument.TryParse(text, out var offsetSeconds, out var zone, out error)) return null;
        if (zone is not null) return FromTimeZone(zone);
        return offsetSeconds == 0 ? Utc : FixedOffset(offsetSeconds, text);
    }

    /// <summary>The offset in force at a UTC instant.</summary>
    public long OffsetTicksAtUtc(long utcTicks) =>
        zone is null ? fixedOffsetTicks : zone.GetUtcOffset(new DateTime(Clamp(utcTicks), DateTimeKind.Utc)).Ticks;

    /// <summary>
    /// The UTC instant of a local date-time in this zone. Like java.time (and Joda's default), a time repeated when the
    /// clocks go back takes the earlier instant (the summer offset), and a time skipped when they go forward is moved
    /// forward by the gap (the offset before the change applies).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLocalToUtc(long localTicks, out long utcTicks)
    {
        if (zone is not null) return TryZoneLocalToUtc(localTicks, out utcTicks);
        utcTicks = localTicks - fixedOffsetTicks;
        return utcTicks is >= 0 and <= MaxTicks;
    }

    private bool TryZoneLocalToUtc(long localTicks, out long utcTicks)
    {
        var before = OffsetTicksAtUtc(localTicks - TimeSpan.TicksPerDay);
        var after = OffsetTicksAtUtc(localTicks + TimeSpan.TicksPerDay);
        if (before == after)
        {
            // No change of offset within a day either side (the usual case): no gap or overlap to resolve.
            utcTicks = localTicks - before;
            return utcTicks is >= 0 and <= MaxTicks;
        }

        var beforeValid = OffsetTicksAtUtc(localTicks - before) == before;
        var afterValid = OffsetTicksAtUtc(localTicks - after) == after;
        long offset;
        if (beforeValid && afterValid) offset = Math.Max(before, after);
        else if (afterValid) offset = after;
        else offset = before;
        utcTicks = localTicks - offset;
        return utcTicks is >= 0 and <= MaxTicks;
    }

    private static long Clamp(long ticks) => Math.Clamp(ticks, 0, MaxTicks);
}
