using System.Net;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>in_if_name / out_if_name and descriptions: learned from options data per exporter and domain, or from a CSV map.</summary>
public sealed class InterfaceNameTests
{
    [Fact]
    public void NamesLearnedFromTheCapturesOptionsDataNameItsFlows()
    {
        var reference = ConformanceCaptures.TsharkReference("v9");
        var options = reference.First(r => (string?)r["record_type"] == "options")["fields"]!;
        var (events, _) = ConformanceCaptures.Decode("v9", new NetFlowCollectorOptions());
        var named = events.Where(e => e.ContainsKey("in_bytes") && e["input_snmp"]!.ToString() == (string)options["cflow.scope_interface"]!).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, e => Assert.Equal((string?)options["cflow.if_name"], (string?)e["in_if_name"]));
    }

    [Fact]
    public void IpfixInterfaceOptionsNameInputAndOutputPerDomain()
    {
        using var h = new CollectorHarness();
        h.Decode(InterfaceOptions(domain: 7, ifIndex: 3, "Gi0/1", "uplink \"core\""));
        h.Decode(Flow(domain: 7, input: 3, output: 5));
        h.Decode(InterfaceOptions(domain: 7, ifIndex: 5, "Gi0/2", ""));
        h.Decode(Flow(domain: 7, input: 5, output: 3));
        h.Decode(Flow(domain: 8, input: 3, output: 5));   // another observation domain: its own interfaces

        var flows = h.Events.Where(e => !e.ContainsKey("record_type")).ToList();
        Assert.Equal("Gi0/1", (string?)flows[0]["in_if_name"]);
        Assert.Equal("uplink \"core\"", (string?)flows[0]["in_if_desc"]);
        Assert.False(flows[0].ContainsKey("out_if_name"));
        Assert.Equal(("Gi0/2", "Gi0/1"), ((string?)flows[1]["in_if_name"], (string?)flows[1]["out_if_name"]));
        Assert.False(flows[1].ContainsKey("in_if_desc"));
        Assert.False(flows[2].ContainsKey("in_if_name"));
    }

    [Fact]
    public void ACsvMapNamesExportersThatNeverSendNamesAndLearnedNamesWin()
    {
        var csv = "exporter,ifIndex,name,description\n192.0.2.7,3,Gi0/1,\"uplink, to core\"\n192.0.2.7,5,Gi0/5\n# comment\n198.51.100.1,3,other,\n";
        var table = new InterfaceNameTable(new StringReader(csv));
        using var h = new CollectorHarness(new NetFlowCollectorOptions { Interfaces = table });
        h.Decode(Flow(domain: 0, input: 3, output: 5));
        Assert.Equal(("Gi0/1", "uplink, to core", "Gi0/5"), ((string?)h.Events[0]["in_if_name"], (string?)h.Events[0]["in_if_desc"], (string?)h.Events[0]["out_if_name"]));
        Assert.False(h.Events[0].ContainsKey("out_if_desc"));

        h.Decode(InterfaceOptions(domain: 0, ifIndex: 3, "learned", ""));
        h.Decode(Flow(domain: 0, input: 3, output: 5));
        Assert.Equal("learned", (string?)h.Events.Last()["in_if_name"]);
    }

    [Fact]
    public void OneTableServesSeveralCollectors()
    {
        var table = new InterfaceNameTable();
        using var a = new CollectorHarness(new NetFlowCollectorOptions { Interfaces = table });
        using var b = new CollectorHarness(new NetFlowCollectorOptions { Interfaces = table });
        a.Decode(InterfaceOptions(domain: 7, ifIndex: 3, "Gi0/1", ""));
        b.Decode(Flow(domain: 7, input: 3, output: 0));
        Assert.Equal("Gi0/1", (string?)b.Events.Single()["in_if_name"]);
        Assert.Equal(1, table.LearnedCount);
    }

    [Theory]
    [InlineData("192.0.2.7,x,Gi0/1", "line 1", "not an interface index")]
    [InlineData("exporter,ifIndex,name\nnot-an-ip,3,Gi0/1", "line 2", "not an IP address")]
    [InlineData("192.0.2.7,3", "line 1", "expected exporter,ifIndex,name")]
    public void ABadCsvRowIsRefusedWithItsLine(string csv, string line, string message)
    {
        var e = Assert.Throws<FormatException>(() => new InterfaceNameTable(new StringReader(csv), "map.csv"));
        Assert.Contains("map.csv:" + line.Split(' ')[1], e.Message);
        Assert.Contains(message, e.Message);
    }

    private static byte[] InterfaceOptions(uint domain, uint ifIndex, string name, string description)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        var descriptionBytes = System.Text.Encoding.UTF8.GetBytes(description);
        return ExportPacket.Ipfix(domain: domain)
            .Set(3, s => s.U16(300).U16(3).U16(1).U16(10).U16(4).U16(82).U16(65535).U16(83).U16(65535))
            .Set(300, s => s.U32(ifIndex).U8(nameBytes.Length).Bytes(nameBytes).U8(descriptionBytes.Length).Bytes(descriptionBytes)).ToArray();
    }

    private static byte[] Flow(uint domain, uint input, uint output) =>
        ExportPacket.Ipfix(domain: domain)
            .Set(2, s => s.Template(256, (1, 4), (2, 4), (10, 4), (14, 4)))
            .Set(256, s => s.U32(100).U32(1).U32(input).U32(output)).ToArray();
}
