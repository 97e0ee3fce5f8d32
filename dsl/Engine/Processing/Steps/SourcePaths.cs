namespace GrokFlow.Engine.Processing.Steps;

/// <summary>A processor's <c>sources</c>, prepared once: the first one the event has is the one used.</summary>
public sealed class SourcePaths
{
    private readonly AttributePath[] _paths;

    public SourcePaths(IEnumerable<string> sources)
    {
        var paths = new List<AttributePath>();
        foreach (var source in sources) paths.Add(new AttributePath(source));
        _paths = paths.ToArray();
    }

    public int Count => _paths.Length;

    /// <summary>Per source, whether <paramref name="target"/> differs from it in the last segment only (<see cref="EventDocument.GetOrCreateBeside"/>).</summary>
    public static bool[] Beside(IEnumerable<string> sources, string target) =>
        sources.Select(source => source.Count(c => c == '.') == target.Count(c => c == '.')
            && source[..(source.LastIndexOf('.') + 1)] == target[..(target.LastIndexOf('.') + 1)]).ToArray();
    public AttributePath this[int index] => _paths[index];

    /// <summary>The node of the first source present in <paramref name="document"/>, or <see cref="EventDocument.None"/>.</summary>
    public int FindFirst(EventDocument document, int from = EventDocument.Root) => FindFirst(document, out _, from);

    /// <summary>As <see cref="FindFirst(EventDocument, int)"/>, with which source it was (-1 when none).</summary>
    public int FindFirst(EventDocument document, out int index, int from = EventDocument.Root)
    {
        for (var i = 0; i < _paths.Length; i++)
        {
            var node = document.Find(_paths[i], from);
            if (node == EventDocument.None) continue;
            index = i;
            return node;
        }
        index = -1;
        return EventDocument.None;
    }
}
