using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GrokFlow.Tests.TestSupport;

/// <summary>A .rules file handed to the generator as an AdditionalFile, without touching the disk.</summary>
public sealed class InMemoryRulesFile(string path, string text) : AdditionalText
{
    public override string Path => path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
