using GrokFlow.Language.Compilation;
using GrokFlow.Language.Model;
using GrokFlow.Language.Patterns;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// The built-ins the engine matches with hand-written scanners (<c>GrokFlow.Engine.Matching.BuiltIns</c>): a pattern
/// equal to one of them, as expanded under the default flags, calls the engine class instead of being emitted.
/// Under other flags (<c>(?i)%{hostname}</c>) the expansion differs and the pattern is emitted as before.
/// </summary>
internal static class HandWrittenMatchers
{
    private static readonly (string[] Names, string Class)[] Table =
    [
        (["numberStr", "number"], "NumberStrMatcher"),
        (["numberExtStr", "numberExt"], "NumberExtStrMatcher"),
        (["ipv4"], "Ipv4Matcher"),
        (["ipv6"], "Ipv6Matcher"),
        (["ip"], "IpMatcher"),
        (["hostname", "host"], "HostnameMatcher"),
        (["ipOrHost"], "IpOrHostMatcher"),
    ];

    private static readonly Dictionary<Node, string> s_byNode = Table
        .SelectMany(row => row.Names.Select(name => (Node: BuiltInPatterns.Expand(name, PatternFlags.Default), row.Class)))
        .DistinctBy(entry => entry.Node).ToDictionary(entry => entry.Node, entry => "BuiltIns." + entry.Class);

    /// <summary>The engine class that matches <paramref name="node"/>, or null.</summary>
    public static string? For(Node node) => s_byNode.TryGetValue(node, out var name) ? name : null;
}
