namespace GrokFlow.Engine.Output;

/// <summary>
/// Where a <see cref="JsonMemberRun"/> stands: what <see cref="JsonMemberRun.Mark"/> returns to go back to, and what
/// the workspace keeps of a run held open between the event's own members and the rules' (see
/// <see cref="JsonMemberRun.Hold"/>). The pending bytes themselves stay in the workspace's member buffer.
/// </summary>
/// <param name="Length">Bytes pending in the run's buffer.</param>
/// <param name="Pending">Whether anything waits to be handed to the writer.</param>
/// <param name="FirstName">The first member's name (written through the writer, or, inside an object the run opened, in the run).</param>
/// <param name="FirstValueAt">Inside an object the run opened: where the first member's value starts in the buffer.</param>
/// <param name="Opened">Whether the run has just opened an object whose first member comes without a comma.</param>
/// <param name="ObjectInRun">Whether the run opened the object its members go in: the writer has not seen its <c>{</c>.</param>
public readonly record struct JsonRunState(int Length, bool Pending, JsonMemberName? FirstName, int FirstValueAt, bool Opened, bool ObjectInRun);
