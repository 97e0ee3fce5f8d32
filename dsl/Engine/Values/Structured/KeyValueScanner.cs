using System.Buffers;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// A <c>keyvalue</c> filter's <see cref="KeyValueSyntax"/> with what <see cref="KeyValueParser"/> scans by, worked out
/// once per filter: the byte sets as <see cref="SearchValues{T}"/>, and whether a run of allowed bytes can end a key
/// or value anywhere but at its end.
/// </summary>
internal sealed class KeyValueScanner
{
    public KeyValueScanner(KeyValueSyntax syntax)
    {
        Syntax = syntax;
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        Allowed = SearchValues.Create([.. bytes.Where(syntax.IsAllowed)]);
        LeftDelimiters = SearchValues.Create([.. bytes.Where(syntax.IsLeftDelimiter)]);
        KeyRunEndOnly = !syntax.IsAllowed(syntax.Separator[0]);
        ValueRunEndOnly = !bytes.Any(b => syntax.IsAllowed(b) && syntax.IsRightDelimiter(b));
        _quoteOpens = new bool[256];
        foreach (var (open, _) in syntax.Quotes) _quoteOpens[open] = true;
    }

    private readonly bool[] _quoteOpens;

    /// <summary>Whether a key or value starting with <paramref name="b"/> can only be a run of allowed bytes ending where the run does.</summary>
    public bool StartsPlainRun(byte b, bool key) => !_quoteOpens[b] && (key ? KeyRunEndOnly : ValueRunEndOnly);

    public KeyValueSyntax Syntax { get; }

    /// <summary>The bytes of unquoted keys and values.</summary>
    public SearchValues<byte> Allowed { get; }

    /// <summary>The bytes a pair may follow.</summary>
    public SearchValues<byte> LeftDelimiters { get; }

    /// <summary>Whether the separator cannot follow a key's run before its end (its first byte is not allowed in keys).</summary>
    public bool KeyRunEndOnly { get; }

    /// <summary>Whether no right delimiter is an allowed byte, so that a value's run can only end where the run does.</summary>
    public bool ValueRunEndOnly { get; }
}
