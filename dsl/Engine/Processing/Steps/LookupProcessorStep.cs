using System.Text;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>lookup-processor</c>: when the source (a string, number or boolean, read as text) is a key of the table, its
/// value is written to the target; otherwise the default, when one is given. A missing source changes nothing. The
/// target is replaced. Keys and values are trimmed of surrounding white space (<c>KEY, value</c>). The table is sorted once so that a lookup is a binary search over bytes.
/// </summary>
public sealed class LookupProcessorStep : IStepExecutor
{
    private readonly AttributePath _source;
    private readonly AttributePath _target;
    private readonly byte[][] _keys;
    private readonly byte[][] _values;
    private readonly byte[]? _default;

    public LookupProcessorStep(LookupProcessorModel model)
    {
        _source = new AttributePath(model.Source);
        _target = new AttributePath(model.Target);
        var entries = new SortedDictionary<byte[], byte[]>(Utf8Order.Instance);
        foreach (var entry in model.Table)
        {
            // The first line for a key wins, as a map filled in table order and never overwritten.
            var key = Encoding.UTF8.GetBytes(entry.Key.Trim());
            if (!entries.ContainsKey(key)) entries.Add(key, Encoding.UTF8.GetBytes(entry.Value.Trim()));
        }
        _keys = entries.Keys.ToArray();
        _values = entries.Values.ToArray();
        _default = model.Default is null ? null : Encoding.UTF8.GetBytes(model.Default);
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var source = document.Find(_source);
        if (source == EventDocument.None || !ValueText.TryGetScalar(document, source, out var key)) return;
        var index = IndexOf(key);
        var value = index >= 0 ? _values[index] : _default;
        if (value is null) return;
        document.SetString(document.GetOrCreate(_target), value);
    }

    private int IndexOf(ReadOnlySpan<byte> key)
    {
        var low = 0;
        var high = _keys.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _keys[middle].AsSpan().SequenceCompareTo(key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
