using System.Text.Unicode;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>url-parser</c>: the first source the event has (a string) is read by the <c>url</c> filter's code, and the
/// parts it finds (<c>scheme</c>, <c>host</c>, <c>port</c>, <c>path</c>, <c>queryString</c>, <c>hash</c>) replace
/// the target. Text that is not a URL changes nothing. <c>normalize_ending_slashes</c> is kept for export only.
/// The parts go straight into the document (the target is a new object: nothing to look for); a URL whose query
/// string nests (dotted keys) or repeats a key, or whose text is not valid UTF-8, goes through the filter's tree.
/// </summary>
public sealed class UrlParserStep(UrlParserModel model) : IStepExecutor
{
    private const int MaxStraightPairs = 16, MaxStraightHost = 256;

    private readonly StructuredFilterParser _throughTree = new(new UrlFilter(), model.Sources, model.Target);
    private readonly SourcePaths _sources = new(model.Sources);
    private readonly AttributePath _target = new(model.Target);
    private readonly bool[] _targetBesideSource = SourcePaths.Beside(model.Sources, model.Target);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var source = _sources.FindFirst(document, out var sourceIndex);
        if (source == EventDocument.None || document.KindOf(source) != EventValueKind.String) return;
        var text = document.TextOf(source);
        if (!UrlParts.TryRead(text, out var url)) return;
        if (url.Host.Length > MaxStraightHost || !Utf8.IsValid(text)
            || (url.Query.Start >= 0 && !PairsGoStraight(text.Slice(url.Query.Start, url.Query.Length))))
        {
            _throughTree.Run(document, context);
            return;
        }
        var target = _targetBesideSource[sourceIndex] ? document.GetOrCreateBeside(source, _target) : document.GetOrCreate(_target);
        document.SetObject(target);
        if (url.Hash.Length > 0) document.SetString(document.AddMember(target, "hash"u8, dotted: false), text.Slice(url.Hash.Start, url.Hash.Length));
        if (url.Query.Start >= 0) AddQuery(document, target, text.Slice(url.Query.Start, url.Query.Length));
        if (url.Scheme.Length > 0) document.SetString(document.AddMember(target, "scheme"u8, dotted: false), text.Slice(url.Scheme.Start, url.Scheme.Length));
        if (url.Port >= 0) document.SetInteger(document.AddMember(target, "port"u8, dotted: false), url.Port);
        if (url.Host.Length > 0)
        {
            // Host names are case-insensitive: written in lower case (only ASCII letters, as the filter does).
            var raw = text.Slice(url.Host.Start, url.Host.Length);
            Span<byte> host = stackalloc byte[MaxStraightHost];
            for (var i = 0; i < raw.Length; i++) host[i] = raw[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(raw[i] + 32) : raw[i];
            document.SetString(document.AddMember(target, "host"u8, dotted: false), host[..raw.Length]);
        }
        if (url.Path.Start >= 0) document.SetString(document.AddMember(target, "path"u8, dotted: false), text.Slice(url.Path.Start, url.Path.Length));
    }

    /// <summary>Whether each pair of the query makes a member of its own: no dotted key (they nest), no key twice (an array).</summary>
    private static bool PairsGoStraight(ReadOnlySpan<byte> query)
    {
        Span<(int Start, int Length)> keys = stackalloc (int, int)[MaxStraightPairs];
        var count = 0;
        var pairs = new QueryPairs(query);
        while (pairs.Next(out var key, out _))
        {
            var name = query.Slice(key.Start, key.Length);
            if (count == MaxStraightPairs || name.Contains((byte)'.')) return false;
            foreach (var earlier in keys[..count])
            {
                if (query.Slice(earlier.Start, earlier.Length).SequenceEqual(name)) return false;
            }
            keys[count++] = key;
        }
        return true;
    }

    // The filter's tree leaves queryString out when no pair is kept. No key holds a dot (PairsGoStraight).
    private static void AddQuery(EventDocument document, int target, ReadOnlySpan<byte> query)
    {
        var queryString = EventDocument.None;
        var pairs = new QueryPairs(query);
        while (pairs.Next(out var key, out var value))
        {
            if (queryString == EventDocument.None)
            {
                queryString = document.AddMember(target, "queryString"u8, dotted: false);
                document.SetObject(queryString);
            }
            document.SetString(document.AddMember(queryString, query.Slice(key.Start, key.Length), dotted: false), query.Slice(value.Start, value.Length));
        }
    }
}
