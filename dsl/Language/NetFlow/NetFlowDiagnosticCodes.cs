namespace GrokFlow.Language.NetFlow;

/// <summary>The GF01xx diagnostic codes of netflow blocks.</summary>
public static class NetFlowDiagnosticCodes
{
    // GF0100 (a netflow block's syntax error) is retired: blocks are parsed with the rest of the file, so it is GF0001.
    public const string UnknownEntryKind = "GF0101";
    public const string MissingWords = "GF0102";
    public const string BadKey = "GF0103";
    public const string UnknownType = "GF0104";
    public const string TypeNotAllowedHere = "GF0105";
    public const string BadName = "GF0106";
    public const string DuplicateElement = "GF0107";
    public const string DuplicateName = "GF0108";
    public const string OverlappingOffsets = "GF0109";
    public const string OutsideLayout = "GF0110";
    public const string BadOption = "GF0111";
    public const string DuplicateLayout = "GF0112";
}
