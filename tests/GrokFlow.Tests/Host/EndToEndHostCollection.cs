namespace GrokFlow.Tests.Host;

/// <summary>
/// Tests that run a whole host (or its intake) in this process and wait for what reaches the intake within deadlines.
/// They run alone, one at a time, after the parallel tests. Beside the compile-heavy tests on CI's two cores, the
/// thread pool these hosts share with Roslyn fell behind (37 threads busy, 22 work items waiting): a sealed batch sat
/// unsent for 30 s, and intake attempts outlasted their timeouts. A user's host has its process to itself.
/// </summary>
[CollectionDefinition(nameof(EndToEndHostCollection), DisableParallelization = true)]
public sealed class EndToEndHostCollection;
