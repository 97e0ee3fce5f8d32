using System.Text.Json.Nodes;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Tooling.Export;

/// <summary>
/// One processor block as its Logs Pipelines API object: the settings of its <see cref="ProcessorDescriptor"/> in their JSON
/// form (strings, string arrays, booleans, the lookup table as an array of lines, categories as
/// <c>[{"name", "filter": {"query"}}]</c>, the array processor's settings inside <c>operation</c>).
/// </summary>
public static class ProcessorJsonWriter
{
    public static JsonObject Header(string type, string? name, bool enabled)
    {
        var json = new JsonObject { ["type"] = type };
        if (name is not null) json["name"] = name;
        json["is_enabled"] = enabled;
        return json;
    }

    public static JsonObject Write(ProcessorSyntax processor)
    {
        var settings = ProcessorDescriptors.Find(processor.Type)?.Settings
            ?? throw new InvalidOperationException($"'{processor.Type}' is not a processor type grokflow knows (the checker reports GF0014)");
        var enabled = processor.Settings.LastOrDefault(s => s.Key == "enabled") is not { } e || e.Values is not ["false"];
        var json = Header(processor.Type, processor.Name, enabled);
        JsonObject? operation = null;
        foreach (var setting in settings)
        {
            var written = processor.Settings.Where(s => s.Key == setting.Key).ToList();
            if (written.Count == 0) continue;
            var value = ValueOf(setting.Kind, written);
            if (setting.InOperation)
            {
                operation ??= new JsonObject();
                operation[setting.ApiKey] = value;
            }
            else
            {
                json[setting.Key == "category" ? "categories" : setting.ApiKey] = value;
            }
        }
        if (operation is not null) json["operation"] = operation;
        return json;
    }

    private static JsonNode ValueOf(DatadogSettingKind kind, IReadOnlyList<SettingSyntax> written)
    {
        var first = written[0];
        return kind switch
        {
            DatadogSettingKind.Text => first.Values.FirstOrDefault() ?? "",
            DatadogSettingKind.TextList => new JsonArray(first.Values.Select(v => (JsonNode?)v).ToArray()),
            DatadogSettingKind.Flag => first.Values is ["true"],
            DatadogSettingKind.Lines => new JsonArray((first.BlockLines ?? []).Select(v => (JsonNode?)v).ToArray()),
            DatadogSettingKind.Categories => new JsonArray(written.Select(c => (JsonNode?)new JsonObject
            {
                ["filter"] = new JsonObject { ["query"] = c.Values.ElementAtOrDefault(1) ?? "" },
                ["name"] = c.Values.ElementAtOrDefault(0) ?? "",
            }).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
