using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// Interface names and descriptions per exporter: learned from options data (interfaceName 82 and
/// interfaceDescription 83 scoped by an interface, per observation domain / source ID) and read from a CSV map
/// (<c>exporter,ifIndex,name,description</c>) for exporters that never send them. Learned names win. Thread-safe:
/// one table may serve every collector of the host.
/// </summary>
public sealed class InterfaceNameTable
{
    /// <summary>Learned interfaces kept at most (a flood of options records cannot grow the table further).</summary>
    public const int MaxLearned = 65536;

    private readonly ConcurrentDictionary<(UInt128 Exporter, uint Domain, ulong IfIndex), InterfaceLabels> _learned = new();
    private readonly Dictionary<(UInt128 Exporter, ulong IfIndex), InterfaceLabels> _configured = new();
    private volatile bool _empty = true;
    private int _version;
    private long _refused;

    public InterfaceNameTable()
    {
    }

    /// <summary>Interfaces from a CSV map; throws <see cref="FormatException"/> naming the line of a bad row.</summary>
    public InterfaceNameTable(TextReader csv, string source = "interface map")
    {
        var lineNumber = 0;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var fields = CsvLine.Split(line);
            if (lineNumber == 1 && fields[0].Trim().Equals("exporter", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Count is < 3 or > 4)
                throw new FormatException($"{source}:{lineNumber}: expected exporter,ifIndex,name[,description]; found {fields.Count} fields");
            if (!IPAddress.TryParse(fields[0].Trim(), out var exporter))
                throw new FormatException($"{source}:{lineNumber}: '{fields[0]}' is not an IP address");
            if (!ulong.TryParse(fields[1].Trim(), out var ifIndex))
                throw new FormatException($"{source}:{lineNumber}: '{fields[1]}' is not an interface index");
            _configured[(ExporterState.KeyOf(exporter), ifIndex)] =
                new InterfaceLabels(Encoding.UTF8.GetBytes(fields[2]), Encoding.UTF8.GetBytes(fields.Count > 3 ? fields[3] : ""));
        }
        _empty = _configured.Count == 0;
    }

    public static InterfaceNameTable Load(string path)
    {
        using var reader = new StreamReader(path);
        return new InterfaceNameTable(reader, path);
    }

    internal bool IsEmpty => _empty;

    /// <summary>Changes whenever a learned name changes, so collectors may cache their last lookups until then.</summary>
    internal int Version => Volatile.Read(ref _version);

    /// <summary>Interfaces learned from options data so far.</summary>
    public int LearnedCount => _learned.Count;

    /// <summary>Interfaces not learned because <see cref="MaxLearned"/> was reached.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal void Learn(UInt128 exporter, uint domain, ulong ifIndex, ReadOnlySpan<byte> name, ReadOnlySpan<byte> description)
    {
        var key = (exporter, domain, ifIndex);
        if (_learned.TryGetValue(key, out var known) && known.Is(name, description)) return;
        if (known is null && _learned.Count >= MaxLearned)
        {
            Interlocked.Increment(ref _refused);
            return;
        }
        _learned[key] = new InterfaceLabels(name.ToArray(), description.ToArray());
        _empty = false;
        Interlocked.Increment(ref _version);
    }

    /// <summary>The labels of an interface of a stream, through the stream's one-entry cache per direction.</summary>
    internal InterfaceLabels? Find(InterfaceLookupCache cache, UInt128 exporter, uint domain, ulong ifIndex)
    {
        var version = Version;
        if (cache.Version != version || cache.IfIndex != ifIndex)
        {
            cache.Labels = TryGet(exporter, domain, ifIndex, out var labels) ? labels : null;
            cache.IfIndex = ifIndex;
            cache.Version = version;
        }
        return cache.Labels;
    }

    internal bool TryGet(UInt128 exporter, uint domain, ulong ifIndex, out InterfaceLabels labels) =>
        _learned.TryGetValue((exporter, domain, ifIndex), out labels!) || _configured.TryGetValue((exporter, ifIndex), out labels!);
}

/// <summary>A stream's last interface lookup in one direction (most flows of a stream share their interfaces).</summary>
internal sealed class InterfaceLookupCache
{
    public int Version = -1;
    public ulong IfIndex;
    public InterfaceLabels? Labels;
}

/// <summary>An interface's name and description, and the event members written for it as input and as output interface.</summary>
internal sealed class InterfaceLabels
{
    public InterfaceLabels(byte[] name, byte[] description)
    {
        Name = name;
        Description = description;
        InJson = Members("in_if", name, description);
        OutJson = Members("out_if", name, description);
    }

    public byte[] Name { get; }

    public byte[] Description { get; }

    /// <summary><c>,"in_if_name":"…","in_if_desc":"…"</c> (members with an empty value left out).</summary>
    public byte[] InJson { get; }

    public byte[] OutJson { get; }

    public bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> description) => name.SequenceEqual(Name) && description.SequenceEqual(Description);

    private static byte[] Members(string prefix, byte[] name, byte[] description)
    {
        var writer = new FlowJsonWriter();
        if (name.AsSpan().TrimEnd((byte)0).Length > 0)
        {
            writer.Raw(Encoding.UTF8.GetBytes($",\"{prefix}_name\":"));
            writer.String(name);
        }
        if (description.AsSpan().TrimEnd((byte)0).Length > 0)
        {
            writer.Raw(Encoding.UTF8.GetBytes($",\"{prefix}_desc\":"));
            writer.String(description);
        }
        return writer.Written.ToArray();
    }
}

/// <summary>One CSV line split into fields (RFC 4180 quoting: "a, b" and "" for a quote).</summary>
internal static class CsvLine
{
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
