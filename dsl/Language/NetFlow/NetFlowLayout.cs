using System.Collections.Immutable;

namespace GrokFlow.Language.NetFlow;

/// <summary>A checked netflow block: the v5 fixed layout and the v9/IPFIX information elements it names.</summary>
public sealed record NetFlowLayout(
    string Id,
    string Title,
    ImmutableArray<FixedField> V5Header,
    ImmutableArray<FixedField> V5Record,
    ImmutableArray<ElementDefinition> Elements,
    ImmutableArray<ElementDefinition> Scopes)
{
    /// <summary>The v5 export header and flow record sizes (Cisco's v5 format).</summary>
    public const int V5HeaderLength = 24;
    public const int V5RecordLength = 48;
}

/// <summary>A field at a fixed offset of the v5 header or record, optionally a bit field selected by a mask.</summary>
public sealed record FixedField(int Offset, NetFlowTypeSpec Type, string Name, ulong Mask, int Line, int Column)
{
    public int Width => Type.Width;
}

/// <summary>
/// A v9/IPFIX information element (or a v9 options scope type): enterprise number (0 = IANA/Cisco), ID, the name
/// events use, its type, and whether fluent-plugin-netflow knows it (the fields its events carry).
/// </summary>
public sealed record ElementDefinition(uint EnterpriseNumber, ushort Id, string Name, NetFlowTypeSpec Type, bool Fluent, int Line, int Column);
