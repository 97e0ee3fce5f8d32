using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Tests.Conformance;

/// <summary>
/// Whether this stage covers a case, and if so the input and expectation to run it with (time-dependent cases get them
/// computed from their <c>expected_rule</c> at <see cref="Clock"/>). A case is not covered when it needs something
/// this stage does not have (structured filters, Logstash patterns, multi-line rules), or when it records VRL
/// behaviour that differs from Datadog's (spec section 9: Datadog wins).
/// </summary>
public sealed record CaseCoverage(GrokCase Case, string? NotCoveredReason, string? Input, JsonNode? Expected)
{
    /// <summary>"Now" for every case: dates without a year or day read relative to it.</summary>
    public static readonly DateTimeOffset Clock = new(2021, 3, 15, 10, 0, 0, TimeSpan.Zero);

    public bool Covered => NotCoveredReason is null;

    private static readonly Regex TokenName = new(@"%\{([A-Za-z_$@][A-Za-z0-9_$@.\-]*)", RegexOptions.CultureInvariant);
    private static readonly Regex LogstashName = new("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex BooleanFilter = new(@":boolean\}", RegexOptions.CultureInvariant);
    private static readonly Regex ArrayFilter = new(@":array\b", RegexOptions.CultureInvariant);
    private static readonly Regex UnsupportedFilter = new(@"filter '(\w+)'", RegexOptions.CultureInvariant);

    // expected_rule forms of the time-dependent cases.
    private static readonly Regex CurrentYearInstant = new(
        @"^(?<field>[\w.]+) = epoch ms of <current year>-(?<M>\d\d)-(?<d>\d\d)T(?<H>\d\d):(?<m>\d\d):(?<s>\d\d)(?:\.(?<f>\d{3}))?Z", RegexOptions.CultureInvariant);
    private static readonly Regex TemplateDateAt = new(
        @"(?<field>[\w.]+) = epoch ms of that date in the CURRENT year at (?<H>\d\d):(?<m>\d\d):(?<s>\d\d) UTC", RegexOptions.CultureInvariant);
    private static readonly Regex TodayAt = new(
        @"^(?<field>[\w.]+) = epoch milliseconds of TODAY's UTC date at (?<H>\d\d):(?<m>\d\d):(?<s>\d\d)", RegexOptions.CultureInvariant);

    public static CaseCoverage Of(GrokCase c)
    {
        CaseCoverage NotCovered(string reason) => new(c, reason, null, null);
        CaseCoverage Covered(string? input, JsonNode? expected) => new(c, null, input, expected);

        if (c.Kind == "informational")
            return NotCovered("informational example flagged doc-suspect");
        if (c.AllPatterns.Any(p => p.Contains('\n') || p.Contains('\r')))
            return NotCovered("rule text holds a raw newline (a .rules rule is one line)");
        if (c.Kind == "pattern_ast")
            return Covered(null, null);

        var defined = c.Helpers.Select(h => h.Name).Concat(c.RulePatterns.Select(r => r.Name)).ToHashSet(StringComparer.Ordinal);
        var usesLogstash = c.AllPatterns.SelectMany(p => TokenName.Matches(p)).Select(m => m.Groups[1].Value)
            .Any(name => LogstashName.IsMatch(name) && !defined.Contains(name));
        if (usesLogstash && c.Kind != "compile_error")
            return NotCovered("Logstash uppercase patterns (a VRL superset, not Datadog)");

        var compiled = RulesCompiler.Compile(CaseRulesText.For(c));
        var unsupported = compiled.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.Unsupported);
        if (unsupported is not null)
        {
            var filter = UnsupportedFilter.Match(unsupported.Message);
            return NotCovered(filter.Success ? $"structured filter {filter.Groups[1].Value} (GF0011)" : $"unsupported construct (GF0011)");
        }

        if (c.FromVrl && c.Kind == "match" && BooleanFilter.IsMatch(string.Join("\n", c.AllPatterns)) &&
            !string.Equals(c.Input, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(c.Input, "false", StringComparison.OrdinalIgnoreCase))
            return NotCovered("VRL's boolean filter turns any text but 'true' into false; Datadog documents only true/false (spec section 9 #11)");

        if (c.FromVrl && c.Kind == "match" && ArrayFilter.IsMatch(string.Join("\n", c.AllPatterns)) && c.Expected is JsonObject { Count: 0 } &&
            c.Input is { } unbracketed && !unbracketed.StartsWith('[') && !unbracketed.StartsWith('{'))
            return NotCovered("VRL drops an array field whose text lacks the brackets; Datadog's engine splits it (spec section 9 #2)");

        if (c.FromVrl && c.Kind == "match" && string.Join("\n", c.AllPatterns).Contains("keyvalue", StringComparison.Ordinal) && HoldsArray(c.Expected))
            return NotCovered("VRL appends a repeated key-value key into an array; Datadog's recorded results keep the last value (checkpoint_harmony_endpoint)");

        if (c.Raw["conflict"]?.GetValue<string>() == "vector-uses-current-day")
            return NotCovered("Datadog's docs read a time-only date on 1970-01-01; its production engine reads it on the clock's nearest day " +
                              "(argo_workflows, keda recordings), as VRL does since vrl#906 (spec section 9 #5)");
        if (!c.TimeDependent)
            return Covered(c.Input, c.Expected);
        var rule = c.ExpectedRule ?? "";
        if (TodayAt.Match(rule) is { Success: true } today)
        {
            // The clock is at 10:00, so the time read lies nearest the clock on the clock's own day.
            var at = new DateTimeOffset(Clock.Year, Clock.Month, Clock.Day, Int(today, "H"), Int(today, "m"), Int(today, "s"), TimeSpan.Zero);
            return Covered(c.Input, WithField(c.Expected, today.Groups["field"].Value, at));
        }
        if (CurrentYearInstant.Match(rule) is { Success: true } instant)
        {
            var at = new DateTimeOffset(Clock.Year, Int(instant, "M"), Int(instant, "d"), Int(instant, "H"), Int(instant, "m"), Int(instant, "s"),
                instant.Groups["f"].Success ? Int(instant, "f") : 0, TimeSpan.Zero);
            return Covered(c.Input, WithField(c.Expected, instant.Groups["field"].Value, at));
        }
        if (TemplateDateAt.Match(rule) is { Success: true } dated && c.Input is not null)
        {
            var input = c.Input.Replace("{day}", Clock.Day.ToString(CultureInfo.InvariantCulture))
                .Replace("{month}", Clock.Month.ToString(CultureInfo.InvariantCulture))
                .Replace("{year}", Clock.Year.ToString(CultureInfo.InvariantCulture));
            var at = new DateTimeOffset(Clock.Year, Clock.Month, Clock.Day, Int(dated, "H"), Int(dated, "m"), Int(dated, "s"), TimeSpan.Zero);
            return Covered(input, WithField(c.Expected, dated.Groups["field"].Value, at));
        }
        return NotCovered("time-dependent expectation this test cannot compute");
    }

    private static bool HoldsArray(JsonNode? node) => node switch
    {
        JsonArray => true,
        JsonObject o => o.Any(p => HoldsArray(p.Value)),
        _ => false,
    };

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>The expectation with its <c>&lt;TIME_DEPENDENT&gt;</c> placeholder at <paramref name="field"/> replaced by the instant's epoch ms.</summary>
    private static JsonNode? WithField(JsonNode? expected, string field, DateTimeOffset at)
    {
        var copy = expected?.DeepClone().AsObject() ?? [];
        var segments = field.Split('.');
        var target = copy;
        foreach (var segment in segments[..^1]) target = target[segment]!.AsObject();
        target[segments[^1]] = at.ToUnixTimeMilliseconds();
        return copy;
    }
}
