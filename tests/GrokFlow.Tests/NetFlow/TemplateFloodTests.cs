using GrokFlow.Runtime.NetFlow;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// One exporter defining 100,000 distinct templates (template IDs are 16-bit, so across two observation domains):
/// the cache stays at its cap, every refusal is counted, memory stays bounded, and the exporter's first templates
/// keep decoding.
/// </summary>
[Collection(nameof(ProcessMemoryCollection))]
public sealed class TemplateFloodTests
{
    private const int Templates = 100_000;
    private const int PerDomain = Templates / 2;

    [Fact]
    public void HundredThousandTemplateIdsStayWithinTheCacheCap()
    {
        var directory = Directory.CreateTempSubdirectory("grokflow-flood-").FullName;
        try
        {
            using var store = new TemplateStore(Path.Combine(directory, "templates.json"), writeDelay: TimeSpan.FromDays(1));
            var options = new NetFlowCollectorOptions { MaxTemplatesPerExporter = 1024, TemplateStore = store };
            using var h = new CollectorHarness(options);
            h.Decode(ExportPacket.Ipfix().Set(2, s => s.Template(256, (1, 4), (2, 4))).ToArray());
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 1; i < Templates; i++)
            {
                var domain = (uint)(i / PerDomain);
                var id = 256 + i % PerDomain;
                h.Decode(ExportPacket.Ipfix(domain: domain).Set(2, s => s.Template(id, (1, 4), (2, 4), (7, 2), (11, 2))).ToArray());
            }
            var grown = GC.GetTotalMemory(forceFullCollection: true) - before;

            Assert.Equal(1024, h.Counters.TemplatesCached);
            Assert.Equal(Templates - 1024, h.Dropped(NetFlowDropReason.TemplateLimit));
            Assert.Equal(1024, store.Count);
            Assert.True(grown < 8 << 20, $"memory grew by {grown} bytes");
            h.Decode(ExportPacket.Ipfix().Set(256, s => s.U32(100).U32(1)).ToArray());
            Assert.Equal(100, (int)h.Events.Single()["in_bytes"]!);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
