using GrokFlow.Engine.Search;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// Given the values at one path in turn, finds the first of several tests that one of them passes: each value is
/// tried only on the tests before the best found so far, and the visit stops once the first test passed.
/// </summary>
internal sealed class FirstPassedTest : ISearchValueMatcher
{
    private SearchValueTest[] _tests = [];

    /// <summary>The index of the first test passed so far, or -1.</summary>
    public int Best { get; private set; }

    public void Start(SearchValueTest[] tests)
    {
        _tests = tests;
        Best = -1;
    }

    public bool Matches(scoped in SearchValue value)
    {
        var end = Best < 0 ? _tests.Length : Best;
        for (var i = 0; i < end; i++)
        {
            if (!_tests[i].Matches(value)) continue;
            Best = i;
            break;
        }
        return Best == 0;
    }
}
