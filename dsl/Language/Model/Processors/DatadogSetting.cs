namespace GrokFlow.Language.Model.Processors;

/// <summary>How a processor setting's value is written in JSON and in a .rules block.</summary>
public enum DatadogSettingKind
{
    /// <summary>One string (numbers and booleans given where a string is expected are kept as their text).</summary>
    Text,
    /// <summary>A list of strings: <c>sources a, b</c>.</summary>
    TextList,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,
    /// <summary>Lines of text: a <c>key { ... }</c> block in .rules, an array of strings in the API (a text in integration files).</summary>
    Lines,
    /// <summary>The category list: <c>category "NAME", "QUERY"</c> lines; <c>[{"name", "filter": {"query"}}]</c> in JSON.</summary>
    Categories,
}

/// <summary>
/// One setting of a processor: its .rules key (also its Logs Pipelines API key, both snake_case), the other spellings
/// Datadog uses (the camelCase of integration files), its kind, and whether the API nests it in <c>operation</c>
/// (the array processor; there the .rules key <c>operation</c> is the API's <c>operation.type</c>).
/// </summary>
public sealed record DatadogSetting(string Key, DatadogSettingKind Kind, bool InOperation = false, params string[] Aliases)
{
    public static readonly DatadogSetting Sources = new("sources", DatadogSettingKind.TextList);
    public static readonly DatadogSetting Source = new("source", DatadogSettingKind.Text);
    public static readonly DatadogSetting Target = new("target", DatadogSettingKind.Text);
    public static readonly DatadogSetting OverrideOnConflict = new("override_on_conflict", DatadogSettingKind.Flag, false, "overrideOnConflict");
    public static readonly DatadogSetting ReplaceMissing = new("is_replace_missing", DatadogSettingKind.Flag, false, "replaceMissing", "isReplaceMissing");

    /// <summary>The JSON key inside its object (<c>operation</c> becomes <c>type</c> inside the operation object).</summary>
    public string ApiKey => InOperation && Key == "operation" ? "type" : Key;

    public IEnumerable<string> JsonKeys => Aliases.Prepend(ApiKey);
}
