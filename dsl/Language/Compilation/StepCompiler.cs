using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Checks a pipeline's steps and turns them into the model: grok steps point at their compiled parser, processors get
/// their settings read and checked (defaults as Datadog's), nested pipelines recurse.
/// </summary>
internal sealed class StepCompiler(IReadOnlyList<GrokParserSyntax> parsers, List<RulesDiagnostic> diagnostics)
{
    public EquatableArray<StepModel> CompileAll(ImmutableArray<StepSyntax> steps) =>
        steps.Select(Compile).Where(s => s is not null).Select(s => s!).ToImmutableArray();

    private StepModel? Compile(StepSyntax step) => step switch
    {
        GrokParserSyntax grok => new GrokStepModel(IndexOf(grok), grok.SourceAttribute, grok.Samples.IsDefault ? [] : grok.Samples, grok.Name, grok.Enabled, grok.Span.Line),
        NestedPipelineSyntax nested => new NestedPipelineModel(nested.Filter ?? "", CompileAll(nested.Steps), nested.Name, nested.Enabled, nested.Span.Line),
        ProcessorSyntax processor => Compile(new ProcessorSettings(processor, diagnostics)),
        _ => null,
    };

    private int IndexOf(GrokParserSyntax grok)
    {
        for (var i = 0; i < parsers.Count; i++)
        {
            if (ReferenceEquals(parsers[i], grok)) return i;
        }
        throw new InvalidOperationException("a grok step outside the pipeline's parser list");
    }

    private StepModel? Compile(ProcessorSettings s)
    {
        var p = s.Processor;
        StepModel? model = p.Type switch
        {
            "attribute-remapper" => AttributeRemapper(s),
            "date-remapper" => Reserved(s, ReservedAttribute.Date, null),
            "status-remapper" => Reserved(s, ReservedAttribute.Status, null),
            "service-remapper" => Reserved(s, ReservedAttribute.Service, null),
            "message-remapper" => Reserved(s, ReservedAttribute.Message, "msg"),
            "trace-id-remapper" => Reserved(s, ReservedAttribute.TraceId, "dd.trace_id"),
            "category-processor" => Category(s),
            "arithmetic-processor" => Arithmetic(s),
            "string-builder-processor" => StringBuilder(s),
            "lookup-processor" => Lookup(s),
            "url-parser" => new UrlParserModel(s.Strings("sources", "http.url"), s.String("target", fallback: "http.url_details")!,
                s.Bool("normalize_ending_slashes"), p.Name, s.Enabled, p.Span.Line),
            "user-agent-parser" => new UserAgentParserModel(s.Strings("sources", "http.useragent"), s.String("target", fallback: "http.useragent_details")!,
                s.Bool("is_encoded") ?? false, s.Bool("combine_version_details"), p.Name, s.Enabled, p.Span.Line),
            "geo-ip-parser" => GeoIpParser(s),
            "array-processor" => ArrayProcessor(s),
            _ => null,
        };
        if (model is null && !IsKnown(p.Type))
        {
            s.Error(DiagnosticCodes.UnknownProcessor,
                $"unknown processor '{p.Type}' (known: grok, pipeline, {string.Join(", ", KnownTypes)})", p.Span);
            return null;
        }
        s.ReportUnknown();
        return model;
    }

    public static readonly ImmutableArray<string> KnownTypes =
    [
        "attribute-remapper", "date-remapper", "status-remapper", "service-remapper", "message-remapper", "trace-id-remapper",
        "category-processor", "arithmetic-processor", "string-builder-processor", "lookup-processor", "url-parser",
        "user-agent-parser", "geo-ip-parser", "array-processor",
    ];

    private static bool IsKnown(string type) => KnownTypes.Contains(type);

    private static StepModel AttributeRemapper(ProcessorSettings s)
    {
        var p = s.Processor;
        var format = s.Choice("target_format", "auto", "string", "integer", "double");
        var target = s.String("target") ?? "";
        if (target.IndexOfAny([':', ',']) >= 0)
            s.Error(DiagnosticCodes.BadSetting, "a remapper target may not contain ':' or ','", p.Span);
        return new AttributeRemapperModel(
            s.Strings("sources"),
            (RemapKind)(s.Choice("source_type", "attribute", "tag") ?? 0),
            target,
            (RemapKind)(s.Choice("target_type", "attribute", "tag") ?? 0),
            (TargetFormat)(format ?? 0),
            format is not null,
            s.Bool("preserve_source") ?? false,
            s.Bool("override_on_conflict") ?? false,
            p.Name, s.Enabled, p.Span.Line);
    }

    private static StepModel Reserved(ProcessorSettings s, ReservedAttribute attribute, string? defaultSource) =>
        new ReservedRemapperModel(attribute, defaultSource is null ? s.Strings("sources") : s.Strings("sources", defaultSource),
            s.Bool("override_on_conflict"), s.Processor.Name, s.Enabled, s.Processor.Span.Line);

    private static StepModel Category(ProcessorSettings s)
    {
        var categories = new List<CategoryModel>();
        foreach (var line in s.All("category"))
        {
            if (line.BlockLines is not null || line.Values.Length != 2)
            {
                s.Error(DiagnosticCodes.BadSetting, "'category' takes the value to set and its search query: category \"NAME\", \"QUERY\"", line.Span);
                continue;
            }
            categories.Add(new CategoryModel(line.Values[0], line.Values[1]));
        }
        if (categories.Count == 0)
            s.Error(DiagnosticCodes.MissingSetting, "category-processor needs at least one 'category \"NAME\", \"QUERY\"' line", s.Processor.Span);
        return new CategoryProcessorModel(s.String("target") ?? "", categories.ToImmutableArray(), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }

    private static StepModel Arithmetic(ProcessorSettings s)
    {
        var expression = s.String("expression") ?? "0";
        var parsed = ArithmeticExpressionParser.Parse(expression, out var error, out var column);
        if (parsed is null)
        {
            var at = s.All("expression").First().Span;
            s.Error(DiagnosticCodes.BadExpression, $"invalid arithmetic expression at character {column + 1}: {error}", at);
        }
        return new ArithmeticProcessorModel(expression, parsed ?? new ArithmeticNumber(0), s.String("target") ?? "",
            s.Bool("is_replace_missing") ?? false, s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }

    private static StepModel StringBuilder(ProcessorSettings s)
    {
        var template = s.String("template") ?? "";
        var parts = TemplateParser.Parse(template, out var error, out var column);
        if (parts is null)
            s.Error(DiagnosticCodes.BadExpression, $"invalid template at character {column + 1}: {error}", s.All("template").First().Span);
        return new StringBuilderModel(template, parts ?? [], s.String("target") ?? "", s.Bool("is_replace_missing") ?? false,
            s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }

    private static StepModel Lookup(ProcessorSettings s)
    {
        var entries = new List<LookupEntry>();
        foreach (var line in s.Block("lookup_table", optional: true) ?? [])
        {
            var comma = line.IndexOf(',');
            if (comma < 0)
            {
                s.Error(DiagnosticCodes.BadSetting, $"a lookup table line is 'key,value'; got '{line}'", s.All("lookup_table").First().Span);
                continue;
            }
            entries.Add(new LookupEntry(line.Substring(0, comma).Trim(), line.Substring(comma + 1).Trim()));
        }
        return new LookupProcessorModel(s.String("source") ?? "", s.String("target") ?? "", entries.ToImmutableArray(),
            s.String("default_lookup", optional: true), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }

    private static StepModel GeoIpParser(ProcessorSettings s)
    {
        // Datadog's own integration pipelines set override_on_conflict on a GeoIP parser (cisco_umbrella_dns): accepted
        // and checked so such pipelines import and export unchanged (export reads it from the syntax; the model drops it).
        s.Bool("override_on_conflict");
        return new GeoIpParserModel(s.Strings("sources", "network.client.ip"), s.String("target", fallback: "network.client.geoip")!,
            s.String("ip_processing_behavior", optional: true), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }

    private static StepModel ArrayProcessor(ProcessorSettings s)
    {
        var operation = (ArrayOperation)(s.Choice("operation", "select", "append", "length") ?? 0);
        if (!s.Processor.Settings.Any(x => x.Key == "operation"))
            s.Error(DiagnosticCodes.MissingSetting, "array-processor needs 'operation' (select, append or length)", s.Processor.Span);
        var filter = s.String("filter", optional: operation != ArrayOperation.Select);
        var value = s.String("value_to_extract", optional: operation != ArrayOperation.Select);
        return new ArrayProcessorModel(operation, s.String("source") ?? "", s.String("target") ?? "", filter, value,
            s.Bool("preserve_source"), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}
