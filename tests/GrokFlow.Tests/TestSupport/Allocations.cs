namespace GrokFlow.Tests.TestSupport;

/// <summary>How many bytes an action allocates on this thread once warmed up.</summary>
public static class Allocations
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmUp"/> times, then returns what <paramref name="rounds"/> more runs allocate.</summary>
    public static long OfRepeated(Action action, int warmUp = 100, int rounds = 1000)
    {
        for (var i = 0; i < warmUp; i++) action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
