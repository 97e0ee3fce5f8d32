using Microsoft.CodeAnalysis;

namespace GrokFlow.Generator;

/// <summary>Compiles every <c>*.rules</c> AdditionalFile into parsers.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class RulesGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith(".rules", StringComparison.OrdinalIgnoreCase))
            .Select(static (f, ct) => (Path: f.Path, Text: f.GetText(ct)?.ToString() ?? ""));
        NetFlow.NetFlowGeneratorStep.Register(context, files);
        context.RegisterSourceOutput(files.Collect(), static (spc, all) =>
        {
            spc.AddSource("RulesCatalog.g.cs", "namespace GrokFlow.Rules { public static partial class RulesCatalog { public const int FileCount = " + all.Length + "; } }");
        });
    }
}
