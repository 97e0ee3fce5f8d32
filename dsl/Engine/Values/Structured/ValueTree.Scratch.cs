namespace GrokFlow.Engine.Values.Structured;

internal sealed partial class ValueTree
{
    private int[] _captureNodes = new int[16];
    private int[] _pathCounts = new int[16];
    private int[] _pathMembers = new int[16];
    private bool[] _pathWritten = new bool[16];
    private bool[] _pathAdded = new bool[16];

    /// <summary>Per capture of the current line, its value's node (-1: none); contents left from earlier lines.</summary>
    public Span<int> CaptureNodes(int count) => Room(ref _captureNodes, count);

    /// <summary>Per path node of the current rule, how many present values it has; contents left from earlier lines.</summary>
    public Span<int> PathCounts(int count) => Room(ref _pathCounts, count);

    /// <summary>Per path node of the current rule, its member in the document; contents left from earlier lines.</summary>
    public Span<int> PathMembers(int count) => Room(ref _pathMembers, count);

    /// <summary>Per path node of the current rule, whether it is written; contents left from earlier lines.</summary>
    public Span<bool> PathWritten(int count) => Room(ref _pathWritten, count);

    /// <summary>Per path node of the current rule, whether its member was added to the document; contents left from earlier lines.</summary>
    public Span<bool> PathAdded(int count) => Room(ref _pathAdded, count);

    private static Span<T> Room<T>(ref T[] array, int count)
    {
        if (array.Length < count) array = new T[Math.Max(count, array.Length * 2)];
        return array.AsSpan(0, count);
    }
}
