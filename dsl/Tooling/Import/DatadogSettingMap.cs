namespace GrokFlow.Tooling.Import;

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
    /// <summary>The JSON key inside its object (<c>operation</c> becomes <c>type</c> inside the operation object).</summary>
    public string ApiKey => InOperation && Key == "operation" ? "type" : Key;

    public IEnumerable<string> JsonKeys => Aliases.Prepend(ApiKey);
}

/// <summary>
/// The settings of every processor type grokflow knows, shared by <c>grokflow import</c> (JSON to .rules) and
/// <c>grokflow export</c> (.rules to JSON) so both directions name them alike.
/// </summary>
public static class DatadogSettingMap
{
    private static readonly DatadogSetting Sources = new("sources", DatadogSettingKind.TextList);
    private static readonly DatadogSetting Source = new("source", DatadogSettingKind.Text);
    private static readonly DatadogSetting Target = new("target", DatadogSettingKind.Text);
    private static readonly DatadogSetting OverrideOnConflict = new("override_on_conflict", DatadogSettingKind.Flag, false, "overrideOnConflict");
    private static readonly DatadogSetting ReplaceMissing = new("is_replace_missing", DatadogSettingKind.Flag, false, "replaceMissing", "isReplaceMissing");

    private static readonly DatadogSetting[] ReservedRemapper = [Sources, OverrideOnConflict];

    private static readonly Dictionary<string, DatadogSetting[]> ByType = new(StringComparer.Ordinal)
    {
        ["attribute-remapper"] =
        [
            Sources,
            new("source_type", DatadogSettingKind.Text, false, "sourceType"),
            Target,
            new("target_type", DatadogSettingKind.Text, false, "targetType"),
            new("target_format", DatadogSettingKind.Text, false, "targetFormat"),
            new("preserve_source", DatadogSettingKind.Flag, false, "preserveSource"),
            OverrideOnConflict,
        ],
        ["date-remapper"] = ReservedRemapper,
        ["status-remapper"] = ReservedRemapper,
        ["service-remapper"] = ReservedRemapper,
        ["message-remapper"] = ReservedRemapper,
        ["trace-id-remapper"] = ReservedRemapper,
        ["category-processor"] = [Target, new("category", DatadogSettingKind.Categories, false, "categories")],
        ["arithmetic-processor"] = [new("expression", DatadogSettingKind.Text), Target, ReplaceMissing],
        ["string-builder-processor"] = [new("template", DatadogSettingKind.Text), Target, ReplaceMissing],
        ["lookup-processor"] =
        [
            Source, Target,
            new("lookup_table", DatadogSettingKind.Lines, false, "lookupTable"),
            new("default_lookup", DatadogSettingKind.Text, false, "defaultLookup"),
        ],
        ["url-parser"] = [Sources, Target, new("normalize_ending_slashes", DatadogSettingKind.Flag, false, "normalizeEndingSlashes")],
        ["user-agent-parser"] =
        [
            Sources, Target,
            new("is_encoded", DatadogSettingKind.Flag, false, "encoded", "isEncoded"),
            new("combine_version_details", DatadogSettingKind.Flag, false, "combineVersionDetails"),
        ],
        ["geo-ip-parser"] = [Sources, Target, new("ip_processing_behavior", DatadogSettingKind.Text, false, "ipProcessingBehavior"), OverrideOnConflict],
        ["array-processor"] =
        [
            new("operation", DatadogSettingKind.Text, true),
            new("source", DatadogSettingKind.Text, true),
            new("target", DatadogSettingKind.Text, true),
            new("filter", DatadogSettingKind.Text, true),
            new("value_to_extract", DatadogSettingKind.Text, true, "valueToExtract"),
            new("preserve_source", DatadogSettingKind.Flag, true, "preserveSource"),
        ],
    };

    /// <summary>The settings of <paramref name="type"/>, in the order they are written; null for a type grokflow does not know.</summary>
    public static IReadOnlyList<DatadogSetting>? For(string type) => ByType.TryGetValue(type, out var settings) ? settings : null;

    /// <summary>The setting <paramref name="key"/> (.rules spelling) of <paramref name="type"/>, or null.</summary>
    public static DatadogSetting? Find(string type, string key) => For(type)?.FirstOrDefault(s => s.Key == key);
}
