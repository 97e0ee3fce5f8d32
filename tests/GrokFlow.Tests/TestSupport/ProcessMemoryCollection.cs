namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// Tests that read the process's managed heap size (<c>GC.GetTotalMemory</c>) to show memory stays bounded: the heap
/// is shared with every test running beside them, so they run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(ProcessMemoryCollection), DisableParallelization = true)]
public sealed class ProcessMemoryCollection;
