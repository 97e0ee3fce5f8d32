using GrokFlow.Language.Compilation;

namespace GrokFlow.Language.Model.Processors;

/// <summary><c>url-parser</c>: the first existing source URL, split into parts under <see cref="Target"/>.</summary>
public sealed record UrlParserModel(EquatableArray<string> Sources, string Target, bool? NormalizeEndingSlashes, string? Name, bool Enabled, int Line)
    : StepModel("url-parser", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("url-parser",
        [DatadogSetting.Sources, DatadogSetting.Target, new("normalize_ending_slashes", DatadogSettingKind.Flag, false, "normalizeEndingSlashes")],
        s => new UrlParserModel(s.Strings("sources", "http.url"), s.String("target", fallback: "http.url_details")!,
            s.Bool("normalize_ending_slashes"), s.Processor.Name, s.Enabled, s.Processor.Span.Line));
}
