using Pidgin;
using static Pidgin.Parser;

namespace GrokFlow.Dsl.NetFlow;

/// <summary>Parses a <c>netflow</c> block. (Stub: the NetFlow work replaces it.)</summary>
public static class NetFlowLayoutParser
{
    /// <summary>
    /// Parses one block from the keyword <c>netflow</c> up to and including its closing <c>}</c>. The top-level
    /// .rules parser calls it at a line starting with <c>netflow</c> and skips blank and comment lines itself.
    /// </summary>
    public static Parser<char, NetFlowLayoutSyntax> Block { get; } =
        String("netflow").Then(Parser<char>.Fail<NetFlowLayoutSyntax>("netflow layouts are not supported yet"));
}
