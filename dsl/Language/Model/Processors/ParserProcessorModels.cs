namespace GrokFlow.Language.Model.Processors;

/// <summary><c>url-parser</c>: the first existing source URL, split into parts under <see cref="Target"/>.</summary>
public sealed record UrlParserModel(EquatableArray<string> Sources, string Target, bool? NormalizeEndingSlashes, string? Name, bool Enabled, int Line)
    : StepModel("url-parser", Name, Enabled, Line);

/// <summary><c>user-agent-parser</c>: the first existing source user agent, parsed under <see cref="Target"/>.</summary>
public sealed record UserAgentParserModel(EquatableArray<string> Sources, string Target, bool IsEncoded, bool? CombineVersionDetails, string? Name, bool Enabled, int Line)
    : StepModel("user-agent-parser", Name, Enabled, Line);

/// <summary>
/// <c>geo-ip-parser</c>: the first existing source IP, located under <see cref="Target"/> with a MaxMind database
/// when one is configured. <see cref="IpProcessingBehavior"/> is kept as written for export.
/// </summary>
public sealed record GeoIpParserModel(EquatableArray<string> Sources, string Target, string? IpProcessingBehavior, string? Name, bool Enabled, int Line)
    : StepModel("geo-ip-parser", Name, Enabled, Line);
