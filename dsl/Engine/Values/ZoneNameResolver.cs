using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>
/// Resolves the zone text of a date value (<c>ADT</c>, <c>CET</c>, <c>America/Thule</c>, <c>GMT+5</c>). Abbreviations
/// come from a fixed table; anything else is resolved once as a time zone argument and remembered, so that repeated
/// values allocate nothing. One resolver belongs to one <see cref="DateFormat"/>; it is safe to share across threads.
/// </summary>
internal sealed class ZoneNameResolver
{
    /// <summary>Bounds the memory a stream of junk zone names can take; past it, names are resolved without caching.</summary>
    private const int MaxRemembered = 256;

    private (byte[] Name, DateZone? Zone)[] remembered = [];

    public bool TryResolve(ReadOnlySpan<byte> name, out DateZone zone)
    {
        if (ZoneAbbreviations.TryGet(name, out zone)) return true;

        var known = Volatile.Read(ref remembered);
        foreach (var entry in known)
        {
            if (!name.SequenceEqual(entry.Name)) continue;
            zone = entry.Zone ?? DateZone.Utc;
            return entry.Zone is not null;
        }

        var resolved = DateZone.Parse(Encoding.UTF8.GetString(name), out _);
        Remember(known, name.ToArray(), resolved);
        zone = resolved ?? DateZone.Utc;
        return resolved is not null;
    }

    private void Remember((byte[], DateZone?)[] known, byte[] name, DateZone? zone)
    {
        if (known.Length >= MaxRemembered) return;
        var grown = new (byte[], DateZone?)[known.Length + 1];
        known.CopyTo(grown, 0);
        grown[^1] = (name, zone);
        // Losing a race only drops one remembered entry; it is resolved again next time.
        Interlocked.CompareExchange(ref remembered, grown, known);
    }
}
