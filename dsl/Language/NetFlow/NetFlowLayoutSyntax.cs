using System.Collections.Immutable;

namespace GrokFlow.Language.NetFlow;

/// <summary>
/// A <c>netflow ID "title" { ... }</c> block of a .rules file, as written: one entry per non-blank line. The
/// <see cref="NetFlowLayoutChecker"/> turns it into a <see cref="NetFlowLayout"/> or diagnostics.
/// </summary>
public sealed record NetFlowLayoutSyntax(string Id, string Title, int Line, int Column, ImmutableArray<NetFlowEntrySyntax> Entries);

/// <summary>
/// One line of a netflow block: <c>KIND KEY TYPE NAME [OPTION...]</c>, e.g. <c>element 1 unsigned64 in_bytes fluent</c>.
/// Tokens keep their positions so that every diagnostic points at the offending word.
/// </summary>
public sealed record NetFlowEntrySyntax(ImmutableArray<NetFlowToken> Tokens)
{
    public int Line => Tokens[0].Line;
    public int Column => Tokens[0].Column;
}

/// <summary>A whitespace-separated word of a netflow entry and where it starts (1-based).</summary>
public readonly record struct NetFlowToken(string Text, int Line, int Column);
