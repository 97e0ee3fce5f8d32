using System.Text.RegularExpressions;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// Each processor's descriptor declares the settings import and export write; the checker accepts the settings its
/// compile step reads. The two lists must be the same, or a setting would import and then fail the check (or the reverse).
/// </summary>
public sealed partial class ProcessorDescriptorTests
{
    public static TheoryData<string> Types() => [.. ProcessorDescriptors.All.Select(d => d.Type)];

    [Theory]
    [MemberData(nameof(Types))]
    public void DeclaredSettingsAreTheSettingsTheCheckerAccepts(string type)
    {
        var compiled = RulesCompiler.Compile($"pipeline test {{\n  {type} {{\n    no_such_setting x\n  }}\n}}\n");

        var unknown = Assert.Single(compiled.Diagnostics, d => d.Message.Contains("no_such_setting", StringComparison.Ordinal));
        var accepted = AcceptedList().Match(unknown.Message).Groups[1].Value.Split(", ");
        var declared = ProcessorDescriptors.Find(type)!.Settings.Select(s => s.Key).Append("enabled");
        Assert.Equal(declared.Order(StringComparer.Ordinal), accepted);
    }

    [Fact]
    public void TypeNamesAreDistinct() =>
        Assert.Equal(ProcessorDescriptors.All.Length, ProcessorDescriptors.All.Select(d => d.Type).Distinct().Count());

    [GeneratedRegex(@"\(it takes ([^)]*)\)")]
    private static partial Regex AcceptedList();
}
