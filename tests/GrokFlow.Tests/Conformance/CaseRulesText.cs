using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Conformance;

/// <summary>Writes a case as a .rules file: one pipeline, one grok block on message, its rules and helpers.</summary>
public static class CaseRulesText
{
    public static string For(GrokCase @case) => GrokHarness.RulesText(@case.RulePatterns, @case.Helpers);
}
