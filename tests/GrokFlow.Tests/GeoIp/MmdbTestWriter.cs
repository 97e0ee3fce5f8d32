using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GrokFlow.Tests.GeoIp;

/// <summary>
/// Writes a small MaxMind DB (format 2.0) for tests: an IPv6 search tree with 24-bit records (IPv4 networks under
/// <c>::/96</c>, where readers look IPv4 addresses up), a data section, and the metadata after the
/// <c>\xAB\xCD\xEFMaxMind.com</c> marker. Values are strings, doubles, unsigned integers (<see cref="uint"/>,
/// <see cref="ushort"/>, <see cref="ulong"/>), maps (<c>IDictionary&lt;string, object&gt;</c>) and arrays
/// (<c>IList&lt;object&gt;</c>).
/// </summary>
internal sealed class MmdbTestWriter(string databaseType)
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private const int NoData = -1;

    private readonly List<(byte[] Bits, int PrefixLength, object Record)> _networks = [];

    /// <summary>Adds <paramref name="cidr"/> (<c>185.64.148.0/24</c>, <c>2a01:cb00::/32</c>) with its record.</summary>
    public MmdbTestWriter Add(string cidr, object record)
    {
        var slash = cidr.IndexOf('/');
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..]);
        var bytes = new byte[16];
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.GetAddressBytes().CopyTo(bytes, 12);
            prefix += 96;
        }
        else
        {
            address.GetAddressBytes().CopyTo(bytes, 0);
        }
        _networks.Add((bytes, prefix, record));
        return this;
    }

    public void WriteTo(string path) => File.WriteAllBytes(path, Build());

    public byte[] Build()
    {
        // Tree nodes as [left, right]: a node index, NoData, or -(record index + 2).
        var nodes = new List<int[]> { new[] { NoData, NoData } };
        for (var r = 0; r < _networks.Count; r++)
        {
            var (bits, prefix, _) = _networks[r];
            var node = 0;
            for (var i = 0; i < prefix; i++)
            {
                var bit = (bits[i / 8] >> (7 - i % 8)) & 1;
                if (i == prefix - 1)
                {
                    nodes[node][bit] = -(r + 2);
                    break;
                }
                if (nodes[node][bit] < 0)
                {
                    if (nodes[node][bit] != NoData) throw new InvalidOperationException("nested networks are not supported");
                    nodes.Add([NoData, NoData]);
                    nodes[node][bit] = nodes.Count - 1;
                }
                node = nodes[node][bit];
            }
        }

        var data = new List<byte>();
        var offsets = new int[_networks.Count];
        for (var r = 0; r < _networks.Count; r++)
        {
            offsets[r] = data.Count;
            Encode(_networks[r].Record, data);
        }

        var output = new List<byte>();
        var nodeCount = nodes.Count;
        foreach (var node in nodes)
        {
            foreach (var record in node)
            {
                var value = record >= 0 ? record : record == NoData ? nodeCount : nodeCount + 16 + offsets[-record - 2];
                output.Add((byte)(value >> 16));
                output.Add((byte)(value >> 8));
                output.Add((byte)value);
            }
        }
        output.AddRange(new byte[16]);
        output.AddRange(data);
        output.AddRange(MetadataMarker);
        Encode(new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = (ulong)new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
            ["database_type"] = databaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "grokflow test database" },
            ["ip_version"] = (ushort)6,
            ["languages"] = new List<object> { "en" },
            ["node_count"] = (uint)nodeCount,
            ["record_size"] = (ushort)24,
        }, output);
        return output.ToArray();
    }

    private static void Encode(object value, List<byte> output)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(2, utf8.Length, output);
                output.AddRange(utf8);
                break;
            case double number:
                Control(3, 8, output);
                var bits = new byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(bits, number);
                output.AddRange(bits);
                break;
            case ushort small:
                Unsigned(5, small, output);
                break;
            case uint medium:
                Unsigned(6, medium, output);
                break;
            case ulong large:
                Unsigned(9, large, output);
                break;
            case IDictionary<string, object> map:
                Control(7, map.Count, output);
                foreach (var (key, member) in map)
                {
                    Encode(key, output);
                    Encode(member, output);
                }
                break;
            case IList<object> array:
                Control(11, array.Count, output);
                foreach (var element in array) Encode(element, output);
                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType()}", nameof(value));
        }
    }

    /// <summary>An unsigned integer in as few big-endian bytes as it needs (zero takes none).</summary>
    private static void Unsigned(int type, ulong value, List<byte> output)
    {
        var length = 0;
        for (var v = value; v != 0; v >>= 8) length++;
        Control(type, length, output);
        for (var i = length - 1; i >= 0; i--) output.Add((byte)(value >> (8 * i)));
    }

    /// <summary>The control byte: type in the top 3 bits (0 and an extra byte for types above 7), then the size.</summary>
    private static void Control(int type, int size, List<byte> output)
    {
        var first = type <= 7 ? type << 5 : 0;
        byte[] sizeBytes;
        if (size < 29)
        {
            first |= size;
            sizeBytes = [];
        }
        else if (size < 29 + 256)
        {
            first |= 29;
            sizeBytes = [(byte)(size - 29)];
        }
        else
        {
            first |= 30;
            sizeBytes = [(byte)((size - 285) >> 8), (byte)(size - 285)];
        }
        output.Add((byte)first);
        if (type > 7) output.Add((byte)(type - 7));
        output.AddRange(sizeBytes);
    }
}
