using System.Numerics;
using System.Runtime.InteropServices;

namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>
/// The user agents a parse context has read lately, with what ua-parser made of them: matching ~1,800 regexes is
/// costly and allocates, and logs repeat the same few user agents. Direct-mapped by a hash of the UTF-8 text, 512
/// entries; a lookup allocates nothing. Owned by one context (one thread), like the rest of its workspace.
/// </summary>
internal sealed class UserAgentCache
{
    private const int Size = 512;
    private readonly byte[]?[] _keys = new byte[]?[Size];
    private readonly ParsedUserAgent?[] _values = new ParsedUserAgent?[Size];

    public bool TryGet(ReadOnlySpan<byte> userAgent, out ParsedUserAgent parsed)
    {
        var slot = Slot(userAgent);
        if (_keys[slot] is { } key && key.AsSpan().SequenceEqual(userAgent))
        {
            parsed = _values[slot]!;
            return true;
        }
        parsed = null!;
        return false;
    }

    public void Add(ReadOnlySpan<byte> userAgent, ParsedUserAgent parsed)
    {
        var slot = Slot(userAgent);
        _keys[slot] = userAgent.ToArray();
        _values[slot] = parsed;
    }

    // Eight bytes a step: a user agent is a hundred bytes or more, and a byte at a time cost more than the lookup's compare.
    private static int Slot(ReadOnlySpan<byte> text)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)text.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(text);
        foreach (var word in words) hash = (BitOperations.RotateLeft(hash, 23) ^ word) * Multiplier;
        foreach (var b in text[(words.Length * sizeof(ulong))..]) hash = (BitOperations.RotateLeft(hash, 23) ^ b) * Multiplier;
        return (int)((hash >> 32) % Size);
    }
}
