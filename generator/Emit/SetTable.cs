using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>How a generated matcher tests a character set, and the static fields that back it.</summary>
internal enum SetShape
{
    /// <summary>Only ASCII members: one byte, tested with SearchValues.</summary>
    AsciiOnly,
    /// <summary>Every non-ASCII code point is a member (e.g. <c>.</c>, <c>\S</c>, <c>[^,]</c>): byte tests suffice.</summary>
    AllNonAscii,
    /// <summary>Some non-ASCII members: the code point is decoded.</summary>
    Mixed,
}

internal sealed record SetFields(string Members, string Excluded, string Ranges, SetShape Shape, CharSet Set);

/// <summary>Collects the character sets (and other tables) a pipeline's matchers use and writes them as static fields once each.</summary>
internal sealed class SetTable
{
    private readonly Dictionary<CharSet, SetFields> _sets = new();
    private readonly Dictionary<(string Type, string Value), string> _fields = new();

    /// <summary>A test that <paramref name="value"/> is one of the given bytes (UTF-8 lead bytes included): the two
    /// cases of an ASCII letter with one compare, other sets with a SearchValues field.</summary>
    public string ByteTest(bool[] bytes, string value)
    {
        var members = Enumerable.Range(0, 256).Where(b => bytes[b]).ToList();
        if (members is [>= 'A' and <= 'Z' and var upper, var lower] && lower == (upper | 0x20)) return $"({value} | 0x20) == (byte)'{(char)lower}'";
        if (members is [var only]) return $"{value} == {RuleMatcherEmitter.ByteLiteral((byte)only)}";
        return $"{ByteValues(bytes)}.Contains({value})";
    }

    /// <summary>A SearchValues field of the given bytes.</summary>
    public string ByteValues(bool[] bytes) => Field("SearchValues<byte>", $"SearchValues.Create({Bytes([.. Enumerable.Range(0, 256).Where(b => bytes[b])])})", "s_startBytes");

    /// <summary>A static field of the given type and value, written once however often it is asked for.</summary>
    public string Field(string type, string value, string prefix)
    {
        if (!_fields.TryGetValue((type, value), out var name)) _fields.Add((type, value), name = prefix + _fields.Count);
        return name;
    }

    public SetFields Get(CharSet set)
    {
        if (_sets.TryGetValue(set, out var fields)) return fields;
        var n = _sets.Count;
        var shape = set.IsAsciiOnly ? SetShape.AsciiOnly : set.ContainsAllNonAscii ? SetShape.AllNonAscii : SetShape.Mixed;
        fields = new SetFields($"s_set{n}", $"s_set{n}Excluded", $"Set{n}Ranges", shape, set);
        _sets.Add(set, fields);
        return fields;
    }

    public void WriteFields(CodeWriter w)
    {
        foreach (var ((type, value), name) in _fields)
            w.Line($"private static readonly {type} {name} = {value};");
        foreach (var fields in _sets.Values)
        {
            var members = fields.Set.AsciiMembers().ToList();
            w.Line($"/// <summary><c>{CSharpLiterals.Xml(NodePrinter.DescribeSet(fields.Set))}</c>: ASCII members.</summary>");
            w.Line($"private static readonly SearchValues<byte> {fields.Members} = SearchValues.Create({Bytes(members)});");
            if (fields.Shape == SetShape.AllNonAscii)
                w.Line($"private static readonly SearchValues<byte> {fields.Excluded} = SearchValues.Create({Bytes(Enumerable.Range(0, 128).Except(members).ToList())});");
            if (fields.Shape != SetShape.AsciiOnly)
            {
                var ranges = fields.Set.Ranges.Where(r => r.Last >= 0x80).SelectMany(r => new[] { Math.Max(r.First, 0x80), r.Last });
                w.Line($"private static ReadOnlySpan<int> {fields.Ranges} => [{string.Join(", ", ranges.Select(x => "0x" + x.ToString("X")))}];");
            }
        }
    }

    private static string Bytes(List<int> bytes)
    {
        if (bytes.All(b => b is >= 0x20 and < 0x7F))
            return CSharpLiterals.Utf8(new string(bytes.Select(b => (char)b).ToArray()));
        var sb = new StringBuilder("new byte[] { ");
        sb.Append(string.Join(", ", bytes.Select(b => b is >= 0x20 and < 0x7F && b != '\'' && b != '\\' ? $"(byte)'{(char)b}'" : "0x" + b.ToString("X2"))));
        return sb.Append(" }").ToString();
    }
}
