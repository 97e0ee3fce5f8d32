using GrokFlow.Language.NetFlow;
using GrokFlow.Language.Syntax;
using Pidgin;

namespace GrokFlow.Tests.NetFlow;

public sealed class NetFlowLayoutParserTests
{
    private static string RulesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "rules", "netflow.rules"))) return Path.Combine(dir.FullName, "rules");
        throw new DirectoryNotFoundException("rules/netflow.rules not found above the test binaries");
    }

    [Fact]
    public void BlockKeepsEntriesWithTheirPositions()
    {
        const string text = "netflow acme \"Acme exporter\" {\n  # comment\n\n  element 9/12232 string app_name   # vendor field\n  header 0 unsigned16 version\n}";
        var block = NetFlowLayoutParser.Block.ParseOrThrow(text);

        Assert.Equal(("acme", "Acme exporter", 1, 1), (block.Id, block.Title, block.Line, block.Column));
        Assert.Equal(2, block.Entries.Length);
        Assert.Equal(["element", "9/12232", "string", "app_name"], block.Entries[0].Tokens.Select(t => t.Text));
        Assert.Equal((4, 11), (block.Entries[0].Tokens[1].Line, block.Entries[0].Tokens[1].Column));
    }

    [Fact]
    public void UnclosedBlockIsASyntaxError()
    {
        var result = NetFlowLayoutParser.Block.Parse("netflow x {\n  element 1 unsigned64 in_bytes\n");
        Assert.False(result.Success);
    }

    [Fact]
    public void ShippedRulesFileParsesAndChecksClean()
    {
        var text = File.ReadAllText(Path.Combine(RulesDirectory(), "netflow.rules"));
        var file = RulesFileParser.Parse(text, out var error);
        Assert.Null(error);
        var layout = NetFlowLayoutChecker.Check(Assert.Single(file!.NetFlowLayouts), out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(26, layout!.V5Header.Length + layout.V5Record.Length);
        Assert.Contains(layout.Elements, e => e is { Id: 1, EnterpriseNumber: 0, Name: "in_bytes", Fluent: true });
        Assert.Contains(layout.Elements, e => e is { Id: 502, Name: "srhSegmentIPv6EndpointBehavior" });
        Assert.Contains(layout.Elements, e => e is { Id: 1, EnterpriseNumber: 29305, Name: "reverseOctetDeltaCount" });
    }

    [Theory]
    [InlineData("  elemnt 1 unsigned64 x", "GF0101", 2, 3)]
    [InlineData("  element 1 unsigned64", "GF0102", 2, 3)]
    [InlineData("  element 0 unsigned64 x", "GF0103", 2, 11)]
    [InlineData("  element 40000 unsigned64 x", "GF0103", 2, 11)]
    [InlineData("  element 0/5 unsigned64 x", "GF0103", 2, 11)]
    [InlineData("  element 1 unsigned65 x", "GF0104", 2, 13)]
    [InlineData("  element 1 unsigned64 9x", "GF0106", 2, 24)]
    [InlineData("  element 1 unsigned64 x\n  element 1 unsigned32 y", "GF0107", 3, 11)]
    [InlineData("  element 1 unsigned64 x\n  element 2 unsigned32 x", "GF0108", 3, 3)]
    [InlineData("  record 0 unsigned32 a\n  record 2 unsigned16 b", "GF0109", 3, 3)]
    [InlineData("  record 46 unsigned32 a", "GF0110", 2, 10)]
    [InlineData("  header 4 sysUpTime a", "GF0105", 2, 12)]
    [InlineData("  record 0 string a", "GF0105", 2, 12)]
    [InlineData("  element 1 unsigned64 x shiny", "GF0111", 2, 26)]
    [InlineData("  header 22 unsigned16 a mask 0x10000", "GF0111", 2, 26)]
    public void CheckerReportsLocatedDiagnostics(string body, string code, int line, int column)
    {
        var block = NetFlowLayoutParser.Block.ParseOrThrow("netflow t {\n" + body + "\n}");
        var layout = NetFlowLayoutChecker.Check(block, out var diagnostics);

        Assert.Null(layout);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void BitFieldsWithDisjointMasksMayShareBytes()
    {
        var block = NetFlowLayoutParser.Block.ParseOrThrow("netflow t {\n  header 22 unsigned16 a mask 0xC000\n  header 22 unsigned16 b mask 0x3FFF\n}");
        Assert.NotNull(NetFlowLayoutChecker.Check(block, out var diagnostics));
        Assert.Empty(diagnostics);
    }
}
