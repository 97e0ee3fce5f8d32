using System.Buffers;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>How processors read a value as text: strings as they are, numbers as written, booleans as <c>true</c>/<c>false</c>.</summary>
public static class ValueText
{
    /// <summary>Appends the text of a scalar node (string, number, boolean) to <paramref name="into"/>; false for null, objects and arrays.</summary>
    public static bool TryAppendScalar(EventDocument document, int node, IBufferWriter<byte> into)
    {
        switch (document.KindOf(node))
        {
            case EventValueKind.String:
            case EventValueKind.Number:
                into.Write(document.TextOf(node));
                return true;
            case EventValueKind.True:
                into.Write("true"u8);
                return true;
            case EventValueKind.False:
                into.Write("false"u8);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The text of a scalar node without copying when it is stored text (strings, numbers), or the constant text of a
    /// boolean; false for null, objects and arrays.
    /// </summary>
    public static bool TryGetScalar(EventDocument document, int node, out ReadOnlySpan<byte> text)
    {
        switch (document.KindOf(node))
        {
            case EventValueKind.String:
            case EventValueKind.Number:
                text = document.TextOf(node);
                return true;
            case EventValueKind.True:
                text = "true"u8;
                return true;
            case EventValueKind.False:
                text = "false"u8;
                return true;
            default:
                text = default;
                return false;
        }
    }

    /// <summary>Appends <paramref name="text"/> with ASCII letters lower-cased (Datadog lower-cases tags).</summary>
    public static void AppendLowercase(IBufferWriter<byte> into, ReadOnlySpan<byte> text)
    {
        var room = into.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++) room[i] = text[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(text[i] | 0x20) : text[i];
        into.Advance(text.Length);
    }
}
