using System.Text;

namespace GrokFlow.Tests.Differential;

/// <summary>Writes several pipelines into one .rules text, so that they all go through a single Roslyn compilation.</summary>
public sealed class RulesFileBuilder
{
    private readonly StringBuilder _text = new();

    public RulesFileBuilder Pipeline(string id, IEnumerable<(string Name, string Pattern)> matchRules, IEnumerable<(string Name, string Pattern)>? helpers = null)
    {
        _text.Append("pipeline ").Append(id).Append(" {\n  grok message {\n    match {\n");
        foreach (var (name, pattern) in matchRules) _text.Append("      ").Append(name).Append(' ').Append(pattern).Append('\n');
        _text.Append("    }\n");
        var helperList = helpers?.ToList() ?? [];
        if (helperList.Count > 0)
        {
            _text.Append("    helpers {\n");
            foreach (var (name, pattern) in helperList) _text.Append("      ").Append(name).Append(' ').Append(pattern).Append('\n');
            _text.Append("    }\n");
        }
        _text.Append("  }\n}\n");
        return this;
    }

    public override string ToString() => _text.ToString();
}
