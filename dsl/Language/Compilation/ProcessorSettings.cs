using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Reads the settings of one processor block: each accessor names a setting it accepts, checks the form of its value
/// and reports problems at the setting's position; <see cref="ReportUnknown"/> then flags every setting nobody asked for.
/// </summary>
internal sealed class ProcessorSettings(ProcessorSyntax processor, List<RulesDiagnostic> diagnostics)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal) { "enabled" };

    public ProcessorSyntax Processor => processor;

    public bool Enabled => Bool("enabled") ?? true;

    public void Error(string code, string message, SourceSpan at) =>
        diagnostics.Add(new RulesDiagnostic(code, message, at.Line, at.Column));

    /// <summary>Every line of a setting that may be repeated (e.g. <c>category</c>).</summary>
    public IEnumerable<SettingSyntax> All(string key)
    {
        _known.Add(key);
        return processor.Settings.Where(s => s.Key == key);
    }

    private SettingSyntax? Single(string key)
    {
        var found = All(key).ToList();
        for (var i = 1; i < found.Count; i++)
            Error(DiagnosticCodes.BadSetting, $"'{key}' is given more than once in this {processor.Type}", found[i].Span);
        return found.Count == 0 ? null : found[0];
    }

    private void Missing(string key) =>
        Error(DiagnosticCodes.MissingSetting, $"{processor.Type} needs '{key}'", processor.Span);

    /// <summary>A list of one or more values, or <paramref name="defaults"/> when absent (required when null).</summary>
    public ImmutableArray<string> Strings(string key, params string[]? defaults)
    {
        var setting = Single(key);
        if (setting is null)
        {
            if (defaults is null) Missing(key);
            return defaults is null ? [] : [.. defaults];
        }
        if (setting.BlockLines is not null || setting.Values.IsEmpty)
            Error(DiagnosticCodes.BadSetting, $"'{key}' takes one or more values separated by commas", setting.Span);
        return setting.Values;
    }

    /// <summary>One value; required unless <paramref name="optional"/>.</summary>
    public string? String(string key, bool optional = false, string? fallback = null)
    {
        var setting = Single(key);
        if (setting is null)
        {
            if (!optional && fallback is null) Missing(key);
            return fallback;
        }
        if (setting.BlockLines is not null || setting.Values.Length != 1)
        {
            Error(DiagnosticCodes.BadSetting, $"'{key}' takes one value (quote it if it holds spaces or commas)", setting.Span);
            return setting.Values.FirstOrDefault() ?? fallback;
        }
        return setting.Values[0];
    }

    /// <summary><c>true</c>/<c>false</c>, or null when absent.</summary>
    public bool? Bool(string key)
    {
        var setting = Single(key);
        if (setting is null) return null;
        if (setting.Values.Length == 1 && setting.Values[0] is "true" or "false") return setting.Values[0] == "true";
        Error(DiagnosticCodes.BadSetting, $"'{key}' takes true or false", setting.Span);
        return null;
    }

    /// <summary>One of <paramref name="choices"/> (their index), or null when absent.</summary>
    public int? Choice(string key, params string[] choices)
    {
        var value = String(key, optional: true);
        if (value is null) return null;
        var index = Array.IndexOf(choices, value);
        if (index >= 0) return index;
        Error(DiagnosticCodes.BadSetting, $"'{key}' is one of {string.Join(", ", choices)}; got '{value}'", Single(key)!.Span);
        return null;
    }

    /// <summary>The lines of a block setting (<c>key {</c> ... <c>}</c>); required unless <paramref name="optional"/>.</summary>
    public ImmutableArray<string>? Block(string key, bool optional = false)
    {
        var setting = Single(key);
        if (setting is null)
        {
            if (!optional) Missing(key);
            return null;
        }
        if (setting.BlockLines is null)
        {
            Error(DiagnosticCodes.BadSetting, $"'{key}' is a block: '{key} {{' then one entry per line, then '}}'", setting.Span);
            return null;
        }
        return setting.BlockLines;
    }

    /// <summary>Reports every setting no accessor asked for.</summary>
    public void ReportUnknown()
    {
        foreach (var setting in processor.Settings.Where(s => !_known.Contains(s.Key)))
        {
            Error(DiagnosticCodes.BadSetting,
                $"{processor.Type} has no setting '{setting.Key}' (it takes {string.Join(", ", _known.OrderBy(k => k, StringComparer.Ordinal))})",
                setting.Span);
        }
    }
}
