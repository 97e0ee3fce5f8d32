using System.Collections.Immutable;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>One <c>key,value</c> line of a lookup table.</summary>
public sealed record LookupEntry(string Key, string Value);

/// <summary>
/// <c>lookup-processor</c>: when <see cref="Source"/> holds a key of <see cref="Table"/>, writes its value to
/// <see cref="Target"/>; otherwise writes <see cref="Default"/> when one is given (and the source exists).
/// </summary>
public sealed record LookupProcessorModel(string Source, string Target, EquatableArray<LookupEntry> Table, string? Default, string? Name, bool Enabled, int Line)
    : StepModel("lookup-processor", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("lookup-processor",
    [
        DatadogSetting.Source, DatadogSetting.Target,
        new("lookup_table", DatadogSettingKind.Lines, false, "lookupTable"),
        new("default_lookup", DatadogSettingKind.Text, false, "defaultLookup"),
    ], Compile);

    private static LookupProcessorModel Compile(ProcessorSettings s)
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
}
