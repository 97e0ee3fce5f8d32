using System.Text.RegularExpressions;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Matching;

namespace GrokFlow.Tooling.Interpretation;

/// <summary>One match rule ready to run: its whole-line .NET regex, its output plan, and the group of each capture slot.</summary>
internal sealed class InterpretedRule
{
    private InterpretedRule(string name, Regex regex, OutputPlan plan, int[] groupOfSlot)
    {
        Name = name;
        Regex = regex;
        Plan = plan;
        GroupOfSlot = groupOfSlot;
    }

    public string Name { get; }
    public Regex Regex { get; }
    public OutputPlan Plan { get; }

    /// <summary>The regex group number of each capture slot, or -1 when the slot has no group.</summary>
    public int[] GroupOfSlot { get; }

    public static InterpretedRule Create(GrokRuleModel rule, TimeSpan matchTimeout)
    {
        var pattern = RegexTranslator.Translate(rule.Root);
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"rule '{rule.Name}' (line {rule.Line}) translated to an invalid .NET regex: {e.Message}", e);
        }
        var plan = OutputPlan.Create(rule.Captures);
        var groups = new int[plan.CaptureCount];
        for (var slot = 0; slot < groups.Length; slot++)
            groups[slot] = regex.GroupNumberFromName(RegexTranslator.GroupName(slot));
        return new InterpretedRule(rule.Name, regex, plan, groups);
    }
}
