namespace GrokFlow.Tests.Host;

/// <summary>
/// Tests that give the host attempt timeouts of a few seconds and watch what it does when one expires. Beside the
/// compile-heavy tests on CI's two cores, every attempt of one of them outlasted its timeout for 30 s, so they run
/// alone, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(IntakeTimingCollection), DisableParallelization = true)]
public sealed class IntakeTimingCollection;
