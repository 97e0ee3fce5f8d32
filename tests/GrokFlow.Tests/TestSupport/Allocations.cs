namespace GrokFlow.Tests.TestSupport;

/// <summary>How many bytes an action allocates on this thread once warmed up.</summary>
public static class Allocations
{
    private const int Batches = 3;

    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="warmUp"/> times, then returns what <paramref name="rounds"/> more
    /// runs allocate, the least of three such batches: an allocation made on every run shows in each batch, while a
    /// one-time one (the runtime installing tier-1 code on a loaded machine) shows in one batch only.
    /// </summary>
    public static long OfRepeated(Action action, int warmUp = 100, int rounds = 1000)
    {
        for (var i = 0; i < warmUp; i++) action();
        var least = long.MaxValue;
        for (var batch = 0; batch < Batches; batch++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++) action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
