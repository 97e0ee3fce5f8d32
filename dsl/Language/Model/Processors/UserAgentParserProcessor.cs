using GrokFlow.Language.Compilation;

namespace GrokFlow.Language.Model.Processors;

/// <summary><c>user-agent-parser</c>: the first existing source user agent, parsed under <see cref="Target"/>.</summary>
public sealed record UserAgentParserModel(EquatableArray<string> Sources, string Target, bool IsEncoded, bool? CombineVersionDetails, string? Name, bool Enabled, int Line)
    : StepModel("user-agent-parser", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("user-agent-parser",
    [
        DatadogSetting.Sources, DatadogSetting.Target,
        new("is_encoded", DatadogSettingKind.Flag, false, "encoded", "isEncoded"),
        new("combine_version_details", DatadogSettingKind.Flag, false, "combineVersionDetails"),
    ], s => new UserAgentParserModel(s.Strings("sources", "http.useragent"), s.String("target", fallback: "http.useragent_details")!,
        s.Bool("is_encoded") ?? false, s.Bool("combine_version_details"), s.Processor.Name, s.Enabled, s.Processor.Span.Line));
}
