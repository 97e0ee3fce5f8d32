namespace GrokFlow.Engine.Output;

/// <summary>
/// One capture of a flat plan (see <see cref="OutputPlan.IsFlat"/>) with everything writing it needs, side by side:
/// the per-line loop reads one array of these instead of following each capture's and each node's objects.
/// </summary>
internal readonly struct FlatMember(CapturePlan capture, OutputNode node)
{
    public readonly int Slot = capture.Slot;

    public readonly ConversionKind Conversion = capture.Conversion;

    /// <summary>Whether a filter follows the conversion: then the value goes through <see cref="ValueConverter"/>.</summary>
    public readonly bool Filtered = capture.Filter.Kind != FilterKind.None;

    /// <summary>Text without a filter, the usual member: written as it is, without conversion.</summary>
    public readonly bool PlainText = capture.Conversion == ConversionKind.Text && capture.Filter.Kind == FilterKind.None;

    public readonly bool IsReservedAtRoot = node.IsReservedAtRoot;

    public readonly JsonMemberName Member = node.Member;

    public readonly byte[] Utf8Name = node.Utf8Name;

    public readonly CapturePlan Capture = capture;
}
