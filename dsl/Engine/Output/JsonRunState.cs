namespace GrokFlow.Engine.Output;

/// <summary>
/// Where a <see cref="JsonMemberRun"/> stands: what <see cref="JsonMemberRun.Mark"/> returns to go back to, and what
/// the workspace keeps of a run held open between the event's own members and the rules' (see
/// <see cref="JsonMemberRun.Hold"/>). The pending bytes themselves stay in the workspace's member buffer.
/// </summary>
/// <param name="Length">Bytes pending in the run's buffer.</param>
/// <param name="Next">What goes before the next member's name (and whether anything waits to be handed to the writer).</param>
/// <param name="FirstName">The first member's name (written through the writer, or, inside an object the run opened, in the run).</param>
/// <param name="FirstValueAt">Inside an object the run opened: where the first member's value starts in the buffer.</param>
/// <param name="ObjectInRun">Whether the run opened the object its members go in: the writer has not seen its <c>{</c>.</param>
public readonly record struct JsonRunState(int Length, JsonRunNext Next, JsonMemberName? FirstName, int FirstValueAt, bool ObjectInRun);

/// <summary>
/// What goes before the next member's name in a <see cref="JsonMemberRun"/>: one state instead of separate flags, so
/// that the usual member asks one question.
/// </summary>
public enum JsonRunNext : byte
{
    /// <summary>Nothing is pending: the writer writes the next member's name itself.</summary>
    First,

    /// <summary>The run has just opened an object: <c>"name":</c>, without a comma.</summary>
    FirstInObject,

    /// <summary>After another member of the run: <c>,"name":</c>.</summary>
    Later,
}
