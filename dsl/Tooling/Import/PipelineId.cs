using System.Text;

namespace GrokFlow.Tooling.Import;

/// <summary>The .rules pipeline id of an imported pipeline: its name in lower case, other characters as <c>_</c>.</summary>
public static class PipelineId
{
    public static string From(string name)
    {
        var id = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
            id.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        return id.Length == 0 ? "imported" : id.ToString();
    }
}
