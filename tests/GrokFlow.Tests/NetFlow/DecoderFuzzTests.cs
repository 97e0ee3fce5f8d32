using System.Net;
using System.Text.Json;
using CsCheck;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// Fuzzes the collector with mutated conformance datagrams (byte changes, truncation, splices, length-field lies)
/// and with random bytes behind valid version numbers: it must never fault and every event must be valid JSON.
/// Set GROKFLOW_FUZZ_SECONDS to fuzz for longer than the default iteration count.
/// </summary>
public sealed class DecoderFuzzTests
{
    private static readonly string[] Captures = ["v5", "v9", "v9_sampled", "ipfix", "ipfix_bidir"];

    private static readonly List<List<byte[]>> SeedDatagrams = Captures.Select(MalformedInputTests.Datagrams).ToList();

    private sealed class ValidatingSink : IFlowEventSink
    {
        public void Write(ReadOnlySpan<byte> flowEventJson)
        {
            var reader = new Utf8JsonReader(flowEventJson);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || reader.BytesConsumed != flowEventJson.Length)
                throw new InvalidDataException("event is not exactly one JSON object");
        }
    }

    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Captures.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 3], Gen.Int[0, 5000].Array[1, 6], Gen.Byte.Array[1, 6], Gen.Int[0, 1500])
            .Select((capture, datagram, kind, positions, values, cut) =>
            {
                var all = SeedDatagrams[capture];
                var bytes = (byte[])all[datagram % all.Count].Clone();
                switch (kind)
                {
                    case 0: // overwrite bytes, biased towards headers and set headers
                        for (var i = 0; i < positions.Length; i++) bytes[positions[i] % Math.Min(bytes.Length, i % 2 == 0 ? 48 : bytes.Length)] = values[i % values.Length];
                        break;
                    case 1:
                        bytes = bytes[..(cut % bytes.Length)];
                        break;
                    case 2: // splice the tail of another datagram in
                        var other = all[(datagram + 1) % all.Count];
                        var at = cut % bytes.Length;
                        bytes = [.. bytes[..at], .. other[Math.Min(at, other.Length)..]];
                        break;
                    default: // a length or count field lies: 0, 0xFFFF, or off by a few
                        var field = positions[0] % Math.Max(1, bytes.Length - 1);
                        var lie = (values[0] % 3) switch { 0 => 0, 1 => 0xFFFF, _ => (bytes[field] << 8 | bytes[field + 1]) + values[0] % 7 - 3 };
                        bytes[field] = (byte)(lie >> 8);
                        bytes[field + 1] = (byte)lie;
                        break;
                }
                return bytes;
            });

    private static readonly Gen<byte[]> RandomBehindVersion =
        Gen.Select(Gen.Int[0, 2].Select(i => (byte)(i == 0 ? 5 : i == 1 ? 9 : 10)), Gen.Byte.Array[0, 600]).Select((version, rest) => (byte[])[0, version, .. rest]);

    [Fact]
    public void MutatedAndRandomDatagramsNeverFault()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("GROKFLOW_FUZZ_SECONDS"), out var s) ? s : -1;
        var collector = new NetFlowCollector(new NetFlowCollectorOptions { MaxTemplatesPerExporter = 64 });
        var sink = new ValidatingSink();
        var exporter = new IPEndPoint(IPAddress.Loopback, 9995);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        foreach (var seed in SeedDatagrams.SelectMany(d => d)) collector.Decode(seed, exporter, now, sink);

        Gen.Frequency((4, Mutated), (1, RandomBehindVersion)).Sample(datagram =>
        {
            now = now.AddMilliseconds(100);
            collector.Decode(datagram, exporter, now, sink);
            if (collector.Counters.Drops[NetFlowDropReason.DecoderFault] > 0)
                throw new InvalidOperationException("decoder fault on " + Convert.ToHexString(datagram));
        }, iter: seconds > 0 ? -1 : 20_000, time: seconds, threads: 1, print: Convert.ToHexString);

        Assert.Equal(0, collector.Counters.Drops[NetFlowDropReason.DecoderFault]);
        Assert.True(collector.Counters.TotalDrops > 0);
        collector.Dispose();
    }
}
