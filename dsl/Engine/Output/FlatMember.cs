using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Output;

/// <summary>How <see cref="OutputWriter"/> writes a flat member: the usual ones straight from the text, the rest converted first.</summary>
internal enum FlatMemberKind : byte
{
    /// <summary>Text without a filter: written as it is.</summary>
    Text,

    /// <summary>An unfiltered <c>number</c>: a whole number's digits are copied, other numbers parsed.</summary>
    Number,

    /// <summary>An unfiltered <c>integer</c>.</summary>
    Integer,

    /// <summary>An unfiltered <c>date</c>: epoch milliseconds.</summary>
    Date,

    /// <summary>Anything else (a filter, the extended numbers, a boolean): through <see cref="ValueConverter"/>.</summary>
    Converted,
}

/// <summary>
/// One capture of a flat plan (see <see cref="OutputPlan.IsFlat"/>) with everything writing it needs, side by side:
/// the per-line loop reads one array of these instead of following each capture's and each node's objects. A short
/// name's <c>,"name":</c> is here too, padded to two vectors, for the loop to store without a look-up.
/// </summary>
internal readonly struct FlatMember
{
    public FlatMember(CapturePlan capture, OutputNode node)
    {
        StartSlot = 2 * capture.Slot;
        Capture = capture;
        Member = node.Member;
        Utf8Name = node.Utf8Name;
        IsReservedAtRoot = node.IsReservedAtRoot;
        Date = capture.Date;
        Kind = capture.Filter.Kind != FilterKind.None ? FlatMemberKind.Converted : capture.Conversion switch
        {
            ConversionKind.Text => FlatMemberKind.Text,
            ConversionKind.Number => FlatMemberKind.Number,
            ConversionKind.Integer => FlatMemberKind.Integer,
            ConversionKind.Date => FlatMemberKind.Date,
            _ => FlatMemberKind.Converted,
        };
        NameLength = Member.SeparatedLength;
        Append = NameLength <= JsonMemberName.PaddedRoom ? Kind : FlatMemberKind.Converted;
        NameHead = Vector128.Create(Member.SeparatedPadded.AsSpan(0, 16));
        NameTail = Vector128.Create(Member.SeparatedPadded.AsSpan(16, 16));
    }

    /// <summary>The capture's start offset's index in the slots (its end's is the next).</summary>
    public readonly int StartSlot;

    public readonly FlatMemberKind Kind;

    /// <summary>
    /// <see cref="Kind"/> when <see cref="NameHead"/> and <see cref="NameTail"/> hold the whole <c>,"name":</c>; else
    /// <see cref="FlatMemberKind.Converted"/>: such a member goes the general way.
    /// </summary>
    public readonly FlatMemberKind Append;

    public readonly bool IsReservedAtRoot;

    /// <summary>The length of <c>,"name":</c>.</summary>
    public readonly int NameLength;

    /// <summary>The first and second 16 bytes of <see cref="JsonMemberName.SeparatedPadded"/>.</summary>
    public readonly Vector128<byte> NameHead, NameTail;

    public readonly JsonMemberName Member;

    public readonly byte[] Utf8Name;

    public readonly CapturePlan Capture;

    /// <summary>The compiled format of a <see cref="FlatMemberKind.Date"/> member.</summary>
    public readonly DateFormat? Date;

    /// <summary>Stores a short name's <c>,"name":</c> and zeros up to 32 bytes at <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyName(ref byte target)
    {
        NameHead.StoreUnsafe(ref target);
        NameTail.StoreUnsafe(ref target, 16);
    }
}
