using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Tooling.Import;

/// <summary>
/// Writes one Datadog processor (not a grok parser or nested pipeline) as a .rules block,
/// <c>TYPE "Name" { setting value ... }</c>, reading its settings under any spelling Datadog uses (see
/// its <see cref="ProcessorDescriptor"/>). A type grokflow does not know is written as a comment holding its JSON; a setting
/// with no .rules equivalent is kept as a comment inside the block. Both are reported in <c>notes</c>.
/// </summary>
public static class ProcessorBlockWriter
{
    private static readonly string[] CommonKeys = ["type", "name", "enabled", "is_enabled"];

    public static void Write(StringBuilder text, DatadogProcessor processor, string indent, ICollection<string> notes)
    {
        var definition = JsonNode.Parse(processor.Raw)!.AsObject();
        var settings = ProcessorDescriptors.Find(processor.Type)?.Settings;
        if (settings is null)
        {
            notes.Add($"{processor.Type} {RulesLiteral.Quoted(processor.Name)}: grokflow does not know this processor type; kept as a comment");
            text.Append(indent).Append("# not imported: ").Append(processor.Type).Append(' ').Append(RulesLiteral.Quoted(processor.Name))
                .Append(" (a processor type grokflow does not know):\n");
            text.Append(indent).Append("# ").Append(RulesLiteral.OneLine(definition.ToJsonString())).Append('\n');
            return;
        }
        text.Append(indent).Append(processor.Type).Append(' ').Append(RulesLiteral.Quoted(processor.Name)).Append(" {\n");
        var inner = indent + "  ";
        if (!processor.Enabled) text.Append(inner).Append("enabled false\n");
        var operation = definition["operation"] as JsonObject;
        var used = new HashSet<string>(CommonKeys, StringComparer.Ordinal);
        var usedInOperation = new HashSet<string>(StringComparer.Ordinal);
        if (operation is not null) used.Add("operation");
        foreach (var setting in settings)
        {
            var container = setting.InOperation ? operation : definition;
            if (container is null) continue;
            (setting.InOperation ? usedInOperation : used).UnionWith(setting.JsonKeys);
            var value = setting.JsonKeys.Select(k => container[k]).FirstOrDefault(v => v is not null);
            if (value is null) continue;
            if (!WriteSetting(text, inner, setting, value))
                Unmapped(text, inner, processor, setting.Key, value, notes);
        }
        foreach (var (key, value) in definition.Where(p => !used.Contains(p.Key) && p.Value is not null))
            Unmapped(text, inner, processor, key, value!, notes);
        foreach (var (key, value) in operation?.Where(p => !usedInOperation.Contains(p.Key) && p.Value is not null) ?? [])
            Unmapped(text, inner, processor, "operation." + key, value!, notes);
        text.Append(indent).Append("}\n");
    }

    /// <summary>Starts a comment keeping a setting with no .rules form: <c># not imported: "key": JSON</c>.</summary>
    public const string UnmappedMarker = "# not imported: ";

    /// <summary>Keeps a setting grokflow cannot express as a comment in the block, and says so.</summary>
    public static void Unmapped(StringBuilder text, string indent, DatadogProcessor processor, string key, JsonNode value, ICollection<string> notes)
    {
        var json = RulesLiteral.OneLine(value.ToJsonString());
        notes.Add($"{processor.Type} {RulesLiteral.Quoted(processor.Name)}: setting '{key}' ({json}) has no .rules form; kept as a comment");
        text.Append(indent).Append(UnmappedMarker).Append(JsonValue.Create(key).ToJsonString()).Append(": ").Append(json).Append('\n');
    }

    private static bool WriteSetting(StringBuilder text, string indent, DatadogSetting setting, JsonNode value)
    {
        switch (setting.Kind)
        {
            case DatadogSettingKind.Text when ScalarText(value) is { } scalar:
                text.Append(indent).Append(setting.Key).Append(' ').Append(RulesLiteral.Value(scalar)).Append('\n');
                return true;
            case DatadogSettingKind.TextList:
                var items = value is JsonArray array ? array.Select(ScalarText).ToList() : [ScalarText(value)];
                if (items.Count == 0 || items.Any(i => i is null)) return false;
                text.Append(indent).Append(setting.Key).Append(' ').AppendJoin(", ", items.Select(i => RulesLiteral.Value(i!))).Append('\n');
                return true;
            case DatadogSettingKind.Flag when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                text.Append(indent).Append(setting.Key).Append(' ').Append(value.GetValue<bool>() ? "true" : "false").Append('\n');
                return true;
            case DatadogSettingKind.Lines:
                return WriteLines(text, indent, setting.Key, value);
            case DatadogSettingKind.Categories:
                return WriteCategories(text, indent, value);
            default:
                return false;
        }
    }

    private static bool WriteLines(StringBuilder text, string indent, string key, JsonNode value)
    {
        var raw = value switch
        {
            JsonArray array when array.All(i => ScalarText(i) is not null) => array.Select(i => ScalarText(i)!),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Split('\n'),
            _ => null,
        };
        if (raw is null) return false;
        var lines = raw.Select(l => l.Trim(' ', '\t', '\r')).Where(l => l.Length > 0).ToList();
        // A line holding only '}' would close the block: such a table cannot be written.
        if (lines.Any(l => l == "}")) return false;
        text.Append(indent).Append(key).Append(" {\n");
        foreach (var line in lines) text.Append(indent).Append("  ").Append(line).Append('\n');
        text.Append(indent).Append("}\n");
        return true;
    }

    private static bool WriteCategories(StringBuilder text, string indent, JsonNode value)
    {
        if (value is not JsonArray categories) return false;
        var lines = new List<string>();
        foreach (var category in categories)
        {
            if (category is not JsonObject o || o.Any(p => p.Key is not ("name" or "filter"))
                || ScalarText(o["name"]) is not { } name
                || o["filter"] is not JsonObject filter || filter.Count != 1 || ScalarText(filter["query"]) is not { } query)
                return false;
            lines.Add($"category {RulesLiteral.Quoted(name)}, {RulesLiteral.Quoted(query)}");
        }
        foreach (var line in lines) text.Append(indent).Append(line).Append('\n');
        return true;
    }

    /// <summary>A string, or the text of a number or boolean given where Datadog expects a string; null otherwise.</summary>
    private static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };
}
