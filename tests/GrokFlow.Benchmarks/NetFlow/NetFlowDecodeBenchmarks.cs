using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Pcap;

namespace GrokFlow.Benchmarks.NetFlow;

/// <summary>
/// Decoding conformance captures to JSON flow events with warm template caches, per datagram (Mean and Allocated are
/// per datagram). Flows per datagram: v5 27.9 (419/15), v9 26.4 (608/23, 2 of them options), IPFIX 26.4 (608/23),
/// so flows/s = flows per datagram / Mean. Run:
/// <c>dotnet run -c Release --project tests/GrokFlow.Benchmarks -- --filter '*NetFlow*'</c>
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class NetFlowDecodeBenchmarks
{
    /// <summary>A short run in process: the shared machine is small, and rebuilding the boilerplate can take minutes.</summary>
    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    internal const int V5Datagrams = 15;
    internal const int V9Datagrams = 23;
    internal const int IpfixDatagrams = 23;

    private static readonly IPEndPoint Exporter = new(IPAddress.Loopback, 9995);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_300);
    private readonly CountingSink _sink = new();
    private NetFlowCollector _collector = null!;
    private byte[][] _v5 = null!, _v9 = null!, _ipfix = null!;

    [GlobalSetup]
    public void Setup()
    {
        _v5 = Read("v5", V5Datagrams);
        _v9 = Read("v9", V9Datagrams);
        _ipfix = Read("ipfix", IpfixDatagrams);
        _collector = new NetFlowCollector();
        foreach (var datagram in _v5.Concat(_v9).Concat(_ipfix)) _collector.Decode(datagram, Exporter, Now, _sink);
    }

    [GlobalCleanup]
    public void Cleanup() => _collector.Dispose();

    [Benchmark(OperationsPerInvoke = V5Datagrams)]
    public long V5() => DecodeAll(_v5);

    [Benchmark(OperationsPerInvoke = V9Datagrams)]
    public long V9() => DecodeAll(_v9);

    [Benchmark(OperationsPerInvoke = IpfixDatagrams)]
    public long Ipfix() => DecodeAll(_ipfix);

    private long DecodeAll(byte[][] datagrams)
    {
        foreach (var datagram in datagrams) _collector.Decode(datagram, Exporter, Now, _sink);
        return _sink.Bytes;
    }

    /// <summary>The UDP payloads of a conformance capture (shared/conformance/netflow beside the repository).</summary>
    internal static byte[][] Read(string capture, int expected)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "..", "shared", "conformance", "netflow"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("shared/conformance/netflow not found beside the repository");
        using var input = File.OpenRead(Path.Combine(dir.FullName, "..", "shared", "conformance", "netflow", capture + ".pcap"));
        var datagrams = CaptureReader.Read(input)
            .Select(f => UdpDatagramExtractor.TryExtract(f, out var udp) ? udp.Payload.ToArray() : null)
            .OfType<byte[]>().ToArray();
        if (datagrams.Length != expected) throw new InvalidDataException($"{capture}: {datagrams.Length} datagrams, expected {expected}");
        return datagrams;
    }

    /// <summary>Consumes each event as a shipper would see it: its bytes.</summary>
    internal sealed class CountingSink : IFlowEventSink
    {
        public long Bytes;

        public void Write(ReadOnlySpan<byte> flowEventJson) => Bytes += flowEventJson.Length + flowEventJson[^1];
    }
}
