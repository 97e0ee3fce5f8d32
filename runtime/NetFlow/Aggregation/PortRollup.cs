namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>
/// Ephemeral-port rollup over one window's aggregates: when one port (with every other key field equal) was seen
/// with at least <c>threshold</c> distinct peer ports, those peer ports are ephemeral and become <c>"*"</c>, and the
/// aggregates that now share a key are merged. Decided over the whole window, so the result does not depend on the
/// order flows arrived in; sums are unchanged.
/// </summary>
internal static class PortRollup
{
    private static readonly byte[] Wildcard = "\"*\""u8.ToArray();

    public static List<FlowAggregate> Apply(IEnumerable<FlowAggregate> aggregates, int threshold, AggregationCounters counters)
    {
        var all = aggregates.ToList();
        var sourceWild = new Dictionary<byte[], int>(ByteKeyComparer.Instance);
        var destinationWild = new Dictionary<byte[], int>(ByteKeyComparer.Instance);
        var keys = new (byte[]? SourceWild, byte[]? DestinationWild)[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var a = all[i];
            if (a.SourcePortAt < 0 || a.DestinationPortAt < 0) continue;
            keys[i] = (WithWildcard(a.Key, a.SourcePortAt), WithWildcard(a.Key, a.DestinationPortAt));
            sourceWild[keys[i].SourceWild!] = sourceWild.GetValueOrDefault(keys[i].SourceWild!) + 1;
            destinationWild[keys[i].DestinationWild!] = destinationWild.GetValueOrDefault(keys[i].DestinationWild!) + 1;
        }
        if (!sourceWild.Values.Any(n => n >= threshold) && !destinationWild.Values.Any(n => n >= threshold)) return all;

        var merged = new Dictionary<byte[], FlowAggregate>(ByteKeyComparer.Instance);
        var result = new List<FlowAggregate>();
        for (var i = 0; i < all.Count; i++)
        {
            var a = all[i];
            byte[]? rolled = null;
            if (keys[i].SourceWild is { } s && keys[i].DestinationWild is { } d)
            {
                // Many source ports towards one destination port: the source ports are the ephemeral side (and vice versa).
                int sources = sourceWild[s], destinations = destinationWild[d];
                if (sources >= threshold && sources >= destinations) rolled = s;
                else if (destinations >= threshold) rolled = d;
            }
            if (rolled is null)
            {
                result.Add(a);
                continue;
            }
            counters.RolledUp++;
            if (!merged.TryGetValue(rolled, out var target))
            {
                target = new FlowAggregate(rolled, a.Exporter, -1, -1);
                merged.Add(rolled, target);
                result.Add(target);
            }
            target.Merge(a);
        }
        return result;
    }

    /// <summary>The key with the port value at <paramref name="at"/> (a JSON number) replaced by <c>"*"</c>.</summary>
    private static byte[] WithWildcard(byte[] key, int at)
    {
        var end = at;
        while (end < key.Length && key[end] != (byte)',') end++;
        return [.. key.AsSpan(0, at), .. Wildcard, .. key.AsSpan(end)];
    }
}
