using System.Text.RegularExpressions;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// A rule the generator cannot turn into a matcher (the build warns, naming the construct): it runs through its
/// translation to a .NET regex (<see cref="RegexTranslator"/>) instead (as the interpreter does), filling the same capture slots. Unlike generated
/// matchers it decodes each line to a string, so it allocates; a rule running longer than the time-out counts as over
/// budget.
/// </summary>
public sealed class RegexFallbackRule
{
    /// <summary>How long one rule may take on one line before the line is reported as over budget.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;
    private readonly int[] _groupOfSlot;

    /// <param name="root">The rule's checked matching tree.</param>
    /// <param name="captureCount">How many capture slots the rule has.</param>
    public RegexFallbackRule(Node root, int captureCount)
    {
        _regex = new Regex(RegexTranslator.Translate(root), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, DefaultMatchTimeout);
        _groupOfSlot = new int[captureCount];
        for (var slot = 0; slot < captureCount; slot++) _groupOfSlot[slot] = _regex.GroupNumberFromName(RegexTranslator.GroupName(slot));
    }

    public bool Match(ref MatchState state)
    {
        var line = Utf8Line.Decode(state.Input);
        Match match;
        try
        {
            match = _regex.Match(line.Text);
        }
        catch (RegexMatchTimeoutException)
        {
            state.OutOfBudget = true;
            return false;
        }
        if (!match.Success) return false;
        for (var slot = 0; slot < _groupOfSlot.Length; slot++)
        {
            var group = _groupOfSlot[slot] < 0 ? null : match.Groups[_groupOfSlot[slot]];
            var matched = group is { Success: true };
            state.Slots[2 * slot] = matched ? line.ByteOffset(group!.Index) : -1;
            state.Slots[2 * slot + 1] = matched ? line.ByteOffset(group!.Index + group.Length) : -1;
        }
        return true;
    }
}
