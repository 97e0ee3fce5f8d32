using System.Collections.Immutable;
using System.Globalization;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.NetFlow;

/// <summary>
/// Gives a parsed netflow block its meaning. Entries are
/// <c>header OFFSET TYPE NAME [mask M]</c>, <c>record OFFSET TYPE NAME [mask M]</c> (the v5 layout),
/// <c>element [PEN/]ID TYPE NAME [fluent]</c> (v9/IPFIX information elements) and
/// <c>scope TYPE-ID TYPE NAME [fluent]</c> (v9 options scope types). Problems become GF01xx diagnostics.
/// </summary>
public static class NetFlowLayoutChecker
{
    public static NetFlowLayout? Check(NetFlowLayoutSyntax syntax, out ImmutableArray<RulesDiagnostic> diagnostics)
    {
        var errors = ImmutableArray.CreateBuilder<RulesDiagnostic>();
        var header = ImmutableArray.CreateBuilder<FixedField>();
        var record = ImmutableArray.CreateBuilder<FixedField>();
        var elements = ImmutableArray.CreateBuilder<ElementDefinition>();
        var scopes = ImmutableArray.CreateBuilder<ElementDefinition>();
        foreach (var entry in syntax.Entries)
        {
            var kind = entry.Tokens[0];
            if (kind.Text is not ("header" or "record" or "element" or "scope"))
            {
                errors.Add(Error(NetFlowDiagnosticCodes.UnknownEntryKind, $"unknown netflow entry '{kind.Text}': expected header, record, element or scope", kind));
                continue;
            }
            if (entry.Tokens.Length < 4)
            {
                errors.Add(Error(NetFlowDiagnosticCodes.MissingWords, $"'{kind.Text}' needs a key, a type and a name: {kind.Text} {(kind.Text is "header" or "record" ? "OFFSET" : "ID")} TYPE NAME", kind));
                continue;
            }
            var (key, typeToken, name) = (entry.Tokens[1], entry.Tokens[2], entry.Tokens[3]);
            if (!NetFlowTypeSpec.TryParse(typeToken.Text, out var type))
            {
                errors.Add(Error(NetFlowDiagnosticCodes.UnknownType, $"unknown type '{typeToken.Text}': expected unsignedN, signedN, float32, float64, boolean, macAddress, ipv4Address, ipv6Address, string, octetArray, dateTimeSeconds/Milliseconds/Microseconds/Nanoseconds, sysUpTime or mplsLabel", typeToken));
                continue;
            }
            if (!IsValidName(name.Text))
            {
                errors.Add(Error(NetFlowDiagnosticCodes.BadName, $"'{name.Text}' is not a field name: use letters, digits, '_', '-' and '.', starting with a letter or '_'", name));
                continue;
            }
            var options = entry.Tokens.RemoveRange(0, 4);
            if (kind.Text is "header" or "record")
                CheckFixedField(kind, key, typeToken, type, name, options, kind.Text == "header" ? header : record, errors);
            else
                CheckElement(kind, key, type, name, options, kind.Text == "element" ? elements : scopes, errors);
        }
        CheckOverlaps(header, errors);
        CheckOverlaps(record, errors);
        CheckDuplicateNames(header.Concat(record).Select(f => (f.Name, f.Line, f.Column)), "v5 field", errors);
        CheckDuplicateNames(elements.Select(e => (e.Name, e.Line, e.Column)), "element", errors);
        diagnostics = errors.ToImmutable();
        return errors.Count == 0
            ? new NetFlowLayout(syntax.Id, syntax.Title, header.ToImmutable(), record.ToImmutable(), elements.ToImmutable(), scopes.ToImmutable())
            : null;
    }

    private static void CheckFixedField(NetFlowToken kind, NetFlowToken key, NetFlowToken typeToken, NetFlowTypeSpec type, NetFlowToken name,
        ImmutableArray<NetFlowToken> options, ImmutableArray<FixedField>.Builder into, ImmutableArray<RulesDiagnostic>.Builder errors)
    {
        var size = kind.Text == "header" ? NetFlowLayout.V5HeaderLength : NetFlowLayout.V5RecordLength;
        if (!int.TryParse(key.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            errors.Add(Error(NetFlowDiagnosticCodes.BadKey, $"'{key.Text}' is not a byte offset", key));
            return;
        }
        var fixedWidth = type.Type is NetFlowDataType.Unsigned or NetFlowDataType.Signed or NetFlowDataType.Ipv4Address
            or NetFlowDataType.Ipv6Address or NetFlowDataType.MacAddress or NetFlowDataType.Float or NetFlowDataType.SysUpTime
            or NetFlowDataType.Boolean;
        if (!fixedWidth || type.Width == 0 || (type.Type == NetFlowDataType.SysUpTime && kind.Text == "header"))
        {
            errors.Add(Error(NetFlowDiagnosticCodes.TypeNotAllowedHere, $"type '{typeToken.Text}' cannot be used in a v5 {kind.Text}: it needs a fixed-width type (unsigned8/16/32/64, signedN, ipv4Address, macAddress, float32/64{(kind.Text == "record" ? ", sysUpTime" : "")})", typeToken));
            return;
        }
        if (offset + type.Width > size)
        {
            errors.Add(Error(NetFlowDiagnosticCodes.OutsideLayout, $"bytes {offset}..{offset + type.Width - 1} lie outside the {size}-byte v5 {kind.Text}", key));
            return;
        }
        ulong mask = 0;
        if (options.Length > 0)
        {
            var maskText = options.Length == 2 && options[0].Text == "mask" ? options[1].Text : null;
            var ok = maskText is not null && maskText.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && ulong.TryParse(maskText.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out mask)
                && mask != 0 && type.Type == NetFlowDataType.Unsigned && (type.Width == 8 || mask >> (type.Width * 8) == 0);
            if (!ok)
            {
                errors.Add(Error(NetFlowDiagnosticCodes.BadOption, "a v5 field takes only 'mask 0xHEX' (a non-zero mask that fits an unsigned field)", options[0]));
                return;
            }
        }
        into.Add(new FixedField(offset, type, name.Text, mask, kind.Line, kind.Column));
    }

    private static void CheckElement(NetFlowToken kind, NetFlowToken key, NetFlowTypeSpec type, NetFlowToken name,
        ImmutableArray<NetFlowToken> options, ImmutableArray<ElementDefinition>.Builder into, ImmutableArray<RulesDiagnostic>.Builder errors)
    {
        uint enterprise = 0;
        var idText = key.Text;
        var slash = idText.IndexOf('/');
        if (slash >= 0)
        {
            if (kind.Text == "scope" || !uint.TryParse(idText.Substring(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out enterprise) || enterprise == 0)
            {
                errors.Add(Error(NetFlowDiagnosticCodes.BadKey, $"'{idText}' is not ENTERPRISE/ID: the enterprise number must be a positive integer (scope types take no enterprise number)", key));
                return;
            }
            idText = idText.Substring(slash + 1);
        }
        var maxId = kind.Text == "element" ? 32767 : 65535;
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1 || id > maxId)
        {
            errors.Add(Error(NetFlowDiagnosticCodes.BadKey, $"'{key.Text}' is not a{(kind.Text == "scope" ? " scope type" : "n element ID")}: expected an integer 1..{maxId}", key));
            return;
        }
        if (options.FirstOrDefault(o => o.Text != "fluent") is { Text: not null } option)
        {
            errors.Add(Error(NetFlowDiagnosticCodes.BadOption, $"unknown option '{option.Text}': an {kind.Text} takes only 'fluent' (fluent-plugin-netflow emits this field)", option));
            return;
        }
        if (into.Any(e => e.EnterpriseNumber == enterprise && e.Id == id))
        {
            errors.Add(Error(NetFlowDiagnosticCodes.DuplicateElement, $"{kind.Text} {key.Text} is defined twice", key));
            return;
        }
        into.Add(new ElementDefinition(enterprise, (ushort)id, name.Text, type, Fluent: options.Length > 0, kind.Line, kind.Column));
    }

    private static void CheckOverlaps(ImmutableArray<FixedField>.Builder fields, ImmutableArray<RulesDiagnostic>.Builder errors)
    {
        for (var i = 0; i < fields.Count; i++)
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (fields[i], fields[j]);
                var overlap = a.Offset < b.Offset + b.Width && b.Offset < a.Offset + a.Width;
                var disjointBits = a.Offset == b.Offset && a.Width == b.Width && a.Mask != 0 && b.Mask != 0 && (a.Mask & b.Mask) == 0;
                if (overlap && !disjointBits)
                {
                    errors.Add(new RulesDiagnostic(NetFlowDiagnosticCodes.OverlappingOffsets,
                        $"'{a.Name}' (bytes {a.Offset}..{a.Offset + a.Width - 1}) overlaps '{b.Name}' (bytes {b.Offset}..{b.Offset + b.Width - 1}); only bit fields with disjoint masks may share bytes",
                        a.Line, a.Column));
                    break;
                }
            }
    }

    private static void CheckDuplicateNames(IEnumerable<(string Name, int Line, int Column)> names, string what, ImmutableArray<RulesDiagnostic>.Builder errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, line, column) in names)
            if (!seen.Add(name))
                errors.Add(new RulesDiagnostic(NetFlowDiagnosticCodes.DuplicateName, $"{what} name '{name}' is used twice: events would carry the key twice", line, column));
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static RulesDiagnostic Error(string code, string message, NetFlowToken at) => new(code, message, at.Line, at.Column);
}
