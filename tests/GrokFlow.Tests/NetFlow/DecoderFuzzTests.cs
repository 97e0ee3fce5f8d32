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
public sealed class DecoderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Captures = ["v5", "v9", "v9_sampled", "ipfix", "ipfix_bidir"];

    internal static readonly List<List<byte[]>> SeedDatagrams = Captures.Select(MalformedInputTests.Datagrams).ToList();

    /// <summary>Checks that every event is exactly one JSON object, and keeps them.</summary>
    private sealed class ValidatingSink : IFlowEventSink
    {
        public List<string> Events { get; } = new();

        public void Write(ReadOnlySpan<byte> flowEventJson)
        {
            var reader = new Utf8JsonReader(flowEventJson);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || reader.BytesConsumed != flowEventJson.Length)
                throw new InvalidDataException("event is not exactly one JSON object");
            Events.Add(System.Text.Encoding.UTF8.GetString(flowEventJson));
        }
    }

    /// <summary>
    /// The known good datagram sent after every fuzz input, per seed capture (random inputs use v9's): the capture's
    /// first datagram, which carries its templates (and options data) as well as data, so it must decode to exactly
    /// what it decodes to in a fresh collector whatever the fuzz input left behind.
    /// </summary>
    private static readonly (byte[] Datagram, string[] Events)[] GoodDatagrams = SeedDatagrams.Select(seed =>
    {
        var sink = new ValidatingSink();
        using var collector = new NetFlowCollector(new NetFlowCollectorOptions { MaxTemplatesPerExporter = 64 });
        collector.Decode(seed[0], new IPEndPoint(IPAddress.Loopback, 9995), DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), sink);
        return (seed[0], sink.Events.ToArray());
    }).ToArray();

    private static readonly Gen<(int Capture, byte[] Datagram)> Mutated =
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
                return (capture, bytes);
            });

    private static readonly Gen<(int Capture, byte[] Datagram)> RandomBehindVersion =
        Gen.Select(Gen.Int[0, 2].Select(i => (byte)(i == 0 ? 5 : i == 1 ? 9 : 10)), Gen.Byte.Array[0, 600]).Select((version, rest) => (-1, (byte[])[0, version, .. rest]));

    private static readonly int[] FieldTypes = [1, 2, 4, 7, 8, 21, 22, 27, 32, 34, 35, 48, 49, 50, 56, 70, 82, 139, 152, 154, 160, 276, 311, 999];
    private static readonly int[] FieldLengths = [0, 1, 2, 3, 4, 6, 8, 16, 65535];

    /// <summary>A (options) template of random field types and lengths, then a data set of random bytes for it.</summary>
    private static readonly Gen<(int Capture, byte[] Datagram)> TemplateThenRandomData =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, FieldTypes.Length - 1].Array[1, 7], Gen.Int[0, FieldLengths.Length - 1].Array[7], Gen.Byte.Array[0, 120], Gen.Bool)
            .Select((ipfix, options, types, lengths, data, enterprise) =>
            {
                var message = ipfix ? ExportPacket.Ipfix() : ExportPacket.V9();
                message.Set(ipfix ? (options ? 3 : 2) : (options ? 1 : 0), set =>
                {
                    set.U16(400);
                    if (ipfix) set.U16(types.Length);
                    if (options) set.U16(ipfix ? 1 : 4);
                    if (!ipfix) set.U16(options ? (types.Length - 1) * 4 : types.Length);
                    for (var i = 0; i < types.Length; i++)
                    {
                        var vendor = ipfix && enterprise && i % 2 == 1;
                        set.U16(FieldTypes[types[i]] | (vendor ? 0x8000 : 0)).U16(FieldLengths[lengths[i]]);
                        if (vendor) set.U32(29305);
                    }
                });
                return (-1, message.Set(400, set => set.Bytes(data)).ToArray());
            });

    /// <summary>
    /// Decodes one fuzz input in a fresh collector that has first seen its capture's first datagram (the templates),
    /// then the known good datagram; throws on a decoder fault, or when the good datagram does not decode exactly as
    /// it does in a fresh collector (a poisoned template cache or options state).
    /// </summary>
    internal static void DecodeInFreshCollector(int capture, byte[] datagram)
    {
        using var collector = new NetFlowCollector(new NetFlowCollectorOptions { MaxTemplatesPerExporter = 64 });
        var sink = new ValidatingSink();
        var exporter = new IPEndPoint(IPAddress.Loopback, 9995);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var seed = SeedDatagrams[Math.Max(0, capture)];
        if (capture >= 0) collector.Decode(seed[0], exporter, now, sink);
        collector.Decode(datagram, exporter, now, sink);
        if (collector.Counters.Drops[NetFlowDropReason.DecoderFault] > 0)
            throw new InvalidOperationException($"decoder fault on capture {capture}: {Convert.ToHexString(datagram)}");

        var (good, expected) = GoodDatagrams[capture >= 0 ? capture : 1];
        var before = sink.Events.Count;
        collector.Decode(good, exporter, now, sink);
        // Data the fuzz input left waiting for a template may be released first; the good datagram's own events come last.
        var actual = sink.Events.Skip(Math.Max(before, sink.Events.Count - expected.Length)).ToArray();
        if (!actual.SequenceEqual(expected))
            throw new InvalidOperationException($"the good datagram decoded differently after capture {capture} input {Convert.ToHexString(datagram)}:\n" +
                string.Join("\n", actual.Zip(expected).Where(p => p.First != p.Second).Take(2).Select(p => $"got      {p.First}\nexpected {p.Second}")) +
                (actual.Length != expected.Length ? $"\n{actual.Length} events instead of {expected.Length}" : ""));
        if (collector.Counters.Drops[NetFlowDropReason.DecoderFault] > 0)
            throw new InvalidOperationException($"decoder fault on the good datagram after capture {capture}: {Convert.ToHexString(datagram)}");
    }

    [Fact]
    public void MutatedAndRandomDatagramsNeverFault()
    {
        // GROKFLOW_FUZZ_ITERATIONS (e.g. 1000000) or GROKFLOW_FUZZ_SECONDS run longer than the regular suite's 10,000 (docs/netflow.md).
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("GROKFLOW_FUZZ_SECONDS"), out var s) ? s : -1;
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("GROKFLOW_FUZZ_ITERATIONS"), out var n) ? n : 10_000;
        var inputs = 0L;
        Gen.Frequency((4, Mutated), (1, RandomBehindVersion), (3, TemplateThenRandomData))
            .Sample(input =>
                {
                    DecodeInFreshCollector(input.Capture, input.Datagram);
                    Interlocked.Increment(ref inputs);
                },
                iter: seconds > 0 ? -1 : iterations, time: seconds, print: input => $"{input.Capture}:{Convert.ToHexString(input.Datagram)}");
        output.WriteLine($"{Volatile.Read(ref inputs)} fuzz inputs, each followed by the good datagram; 0 faults");
        if (seconds <= 0) Assert.True(Volatile.Read(ref inputs) >= iterations, $"{inputs} of {iterations} inputs ran");
    }
}
