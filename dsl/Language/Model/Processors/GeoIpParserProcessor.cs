using GrokFlow.Language.Compilation;

namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// <c>geo-ip-parser</c>: the first existing source IP, located under <see cref="Target"/> with a MaxMind database
/// when one is configured. <see cref="IpProcessingBehavior"/> is kept as written for export.
/// </summary>
public sealed record GeoIpParserModel(EquatableArray<string> Sources, string Target, string? IpProcessingBehavior, string? Name, bool Enabled, int Line)
    : StepModel("geo-ip-parser", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("geo-ip-parser",
    [
        DatadogSetting.Sources, DatadogSetting.Target,
        new("ip_processing_behavior", DatadogSettingKind.Text, false, "ipProcessingBehavior"),
        DatadogSetting.OverrideOnConflict,
    ], Compile);

    private static GeoIpParserModel Compile(ProcessorSettings s)
    {
        // Datadog's own integration pipelines set override_on_conflict on a GeoIP parser (cisco_umbrella_dns): accepted
        // and checked so such pipelines import and export unchanged (export reads it from the syntax; the model drops it).
        s.Bool("override_on_conflict");
        return new GeoIpParserModel(s.Strings("sources", "network.client.ip"), s.String("target", fallback: "network.client.geoip")!,
            s.String("ip_processing_behavior", optional: true), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}
