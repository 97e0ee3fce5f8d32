using System.Buffers;
using System.Runtime.InteropServices;
using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Per-line working storage of <see cref="OutputWriter"/>, kept in a <see cref="Runtime.ParseContext"/> and reused from
/// line to line: the value of each capture, which path-tree nodes have something to write, and a text buffer for
/// values that are not slices of the input. Arrays grow to the largest plan seen, then never allocate again.
/// </summary>
internal sealed class OutputWorkspace
{
    private OutputValue[] _values = new OutputValue[16];
    private bool[] _present = new bool[16];
    private byte[] _text = new byte[256];
    private int _textUsed;

    /// <summary>The last date a conversion read, for the next one (see <see cref="Values.DateMemo"/>).</summary>
    public Values.DateMemo DateMemo;

    /// <summary>The attribute tree of lines whose rule uses structured filters.</summary>
    public ValueTree Tree { get; } = new();

    private Values.Structured.UserAgent.UserAgentCache? _userAgents;

    /// <summary>The user agents this context parsed lately (made on first use).</summary>
    public Values.Structured.UserAgent.UserAgentCache UserAgents => _userAgents ??= new();

    /// <summary>Starts a line: clears the text buffer and sizes the value and presence arrays for <paramref name="plan"/>.</summary>
    public void Begin(OutputPlan plan)
    {
        if (_values.Length < plan.Captures.Length) _values = new OutputValue[Math.Max(plan.Captures.Length, _values.Length * 2)];
        if (_present.Length < plan.Nodes.Length) _present = new bool[Math.Max(plan.Nodes.Length, _present.Length * 2)];
        _textUsed = 0;
    }

    /// <summary>The value of each capture of the current line (by capture index).</summary>
    public Span<OutputValue> Values(OutputPlan plan) => _values.AsSpan(0, plan.Captures.Length);

    /// <summary>Whether each path node of the current line has something to write.</summary>
    public Span<bool> Present(OutputPlan plan) => _present.AsSpan(0, plan.Nodes.Length);

    /// <summary>Free room of at least <paramref name="size"/> bytes at the end of the text buffer; earlier text is kept.</summary>
    public Span<byte> ReserveText(int size)
    {
        if (_text.Length - _textUsed < size)
        {
            var grown = new byte[Math.Max(_textUsed + size, _text.Length * 2)];
            _text.AsSpan(0, _textUsed).CopyTo(grown);
            _text = grown;
        }
        return _text.AsSpan(_textUsed);
    }

    /// <summary>Keeps <paramref name="length"/> bytes written into the last reserved room; returns their start.</summary>
    public int CommitText(int length)
    {
        var start = _textUsed;
        _textUsed += length;
        return start;
    }

    public ReadOnlySpan<byte> Text(int start, int length) => _text.AsSpan(start, length);

    private byte[] _members = new byte[4096];

    /// <summary>The buffer of a <see cref="JsonMemberRun"/> as it is now.</summary>
    public Span<byte> Members => _members;

    private System.Text.Json.Utf8JsonWriter? _lastWriter;
    private bool _lastWriterQuotes;

    /// <summary>
    /// <see cref="JsonStrings.CanQuote"/> of <paramref name="writer"/>, remembered for the last writer asked: a writer's
    /// options never change, and each line asks for the same writer several times.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool CanQuote(System.Text.Json.Utf8JsonWriter writer)
    {
        if (!ReferenceEquals(writer, _lastWriter)) Remember(writer);
        return _lastWriterQuotes;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Remember(System.Text.Json.Utf8JsonWriter writer)
    {
        _lastWriterQuotes = JsonStrings.CanQuote(writer);
        _lastWriterStart = _lastWriterQuotes && writer.Options.SkipValidation ? JsonRunNext.FirstInObject : JsonRunNext.First;
        _lastWriter = writer;
    }

    private JsonRunNext _lastWriterStart;

    /// <summary>
    /// Where a <see cref="JsonMemberRun"/> on the writer <see cref="CanQuote"/> was last asked about starts:
    /// <see cref="JsonRunNext.FirstInObject"/> when the writer skips validation (the run's first member is in the run
    /// too, see <see cref="JsonMemberRun"/>), else <see cref="JsonRunNext.First"/>.
    /// </summary>
    public JsonRunNext LastWriterStart => _lastWriterStart;

    /// <summary>
    /// The buffer of a <see cref="JsonMemberRun"/>, at least <paramref name="size"/> bytes, its first
    /// <paramref name="used"/> bytes kept.
    /// </summary>
    public Span<byte> MemberRoom(int used, int size)
    {
        if (_members.Length < size)
        {
            var grown = new byte[Math.Max(size, _members.Length * 2)];
            _members.AsSpan(0, used).CopyTo(grown);
            _members = grown;
        }
        return _members;
    }

    private System.Text.Json.Utf8JsonWriter? _heldWriter;
    private JsonRunState _heldRun;

    /// <summary>Keeps a run's state (its bytes stay in the member buffer) until a run on <paramref name="writer"/> takes it.</summary>
    public void HoldRun(System.Text.Json.Utf8JsonWriter writer, in JsonRunState run)
    {
        _heldWriter = writer;
        _heldRun = run;
    }

    /// <summary>Takes the held run, if any: the caller continues it or hands it to <paramref name="writer"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool TryTakeHeldRun(out System.Text.Json.Utf8JsonWriter writer, out JsonRunState run)
    {
        writer = _heldWriter!;
        run = _heldRun;
        _heldWriter = null;
        return writer is not null;
    }

    /// <summary>Forgets a held run whose event is taken back (its bytes in the destination were never committed).</summary>
    public void DropHeldRun()
    {
        _heldWriter = null;
        LeaveDestination();
    }

    // ---- an event run written straight into the writer's buffer (see JsonMemberRun.OpenObject) --------------------

    private IBufferWriter<byte>? _destination;
    private ArraySegment<byte> _destinationRoom;

    /// <summary>Whether the event's run lives in the buffer its writer writes into rather than in the member buffer.</summary>
    public bool InDestination => _destination is not null;

    /// <summary>The room the event's run lives in while <see cref="InDestination"/>: taken once, so its bytes stay put.</summary>
    public Span<byte> DestinationRoom => _destinationRoom.AsSpan();

    /// <summary>
    /// Takes room in <paramref name="destination"/> for the event's run; its bytes count once committed. False when the
    /// destination's memory is not an array's (the run stays in the member buffer).
    /// </summary>
    public bool TryEnterDestination(IBufferWriter<byte> destination, int sizeHint, out Span<byte> room)
    {
        // An array segment, not the Memory: each run of the event takes the room again, and Memory.Span costs more.
        if (!MemoryMarshal.TryGetArray<byte>(destination.GetMemory(sizeHint), out var segment))
        {
            room = default;
            return false;
        }
        _destinationRoom = segment;
        _destination = destination;
        room = segment.AsSpan();
        return true;
    }

    /// <summary>Keeps the run's <paramref name="length"/> bytes in the destination: the event is written.</summary>
    public void CommitDestination(int length)
    {
        _destination!.Advance(length);
        LeaveDestination();
    }

    /// <summary>The run no longer lives in the destination (it moved to the member buffer, or its event is taken back).</summary>
    public void LeaveDestination()
    {
        _destination = null;
        _destinationRoom = default;
    }

    // ---- where the attributes go -----------------------------------------------------------------------------------

    /// <summary>
    /// When set, rules write their attributes straight into this event document (merged into object
    /// <see cref="DocumentObject"/>) instead of as JSON, so grok steps feed processors without a JSON round trip.
    /// </summary>
    public Processing.EventDocument? Document { get; set; }

    public int DocumentObject { get; set; }

    // ---- what an event written straight to JSON got from its rules (see Events.EventWriter) -----------------------

    private readonly byte[] _attributesRoot = new byte[64];
    private int _attributesRootLength;

    /// <summary>Whether a rule wrote a top-level attribute the event already has (a reserved field, or the source's object).</summary>
    public bool RootCollision { get; private set; }

    /// <summary>How many rule outputs wrote something since <see cref="BeginEvent"/>.</summary>
    public int RootWrites { get; private set; }

    public void BeginEvent(ReadOnlySpan<byte> attributesRoot)
    {
        DropHeldRun();
        RootCollision = false;
        RootWrites = 0;
        if (attributesRoot.Length > _attributesRoot.Length) RootCollision = true;   // never: source object names are short
        else if (!attributesRoot.SequenceEqual(_attributesRoot.AsSpan(0, _attributesRootLength)))
        {
            attributesRoot.CopyTo(_attributesRoot);
            _attributesRootLength = attributesRoot.Length;
            Array.Clear(_checkedPlans);
            _nextCheckedPlan = 0;
        }
    }

    /// <summary>Notes a top-level attribute a rule writes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void NoteRoot(ReadOnlySpan<byte> name, bool reserved)
    {
        if (Collides(name, reserved)) RootCollision = true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Collides(ReadOnlySpan<byte> name, bool reserved) =>
        // Most names differ in length from the source's object: decided without the compare.
        reserved || (name.Length == _attributesRootLength && name.Length > 0 && name.SequenceEqual(_attributesRoot.AsSpan(0, _attributesRootLength)));

    /// <summary>The flat plans whose members were checked against the current source object (a pipeline has a few rules).</summary>
    private readonly OutputPlan?[] _checkedPlans = new OutputPlan?[CheckedPlanRoom];
    private readonly bool[] _checkedPlansMayCollide = new bool[CheckedPlanRoom];
    private const int CheckedPlanRoom = 8;
    private int _nextCheckedPlan;

    /// <summary>
    /// Whether some member of the flat <paramref name="plan"/> would be a collision for <see cref="NoteRoot"/> with the
    /// events' current source object: when none would, the plan's members need no noting. Decided once per plan and
    /// source object name, not per member and line.
    /// </summary>
    public bool FlatMembersMayCollide(OutputPlan plan)
    {
        var plans = _checkedPlans;
        for (var i = 0; i < plans.Length; i++)
        {
            if (ReferenceEquals(plans[i], plan)) return _checkedPlansMayCollide[i];
        }
        return CheckFlatMembers(plan);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool CheckFlatMembers(OutputPlan plan)
    {
        var mayCollide = false;
        foreach (ref readonly var member in plan.FlatMembers.AsSpan()) mayCollide |= Collides(member.Utf8Name, member.IsReservedAtRoot);
        // More rules than room: the oldest answer makes way.
        var slot = _nextCheckedPlan;
        _nextCheckedPlan = (slot + 1) % CheckedPlanRoom;
        _checkedPlans[slot] = plan;
        _checkedPlansMayCollide[slot] = mayCollide;
        return mayCollide;
    }

    public void NoteWrite() => RootWrites++;
}
