using System.Buffers;
using System.Text.Json;

namespace GrokFlow.Runtime.Sink;

/// <summary>Where events are written one at a time: the host's batch (<see cref="BatchBuilder"/>) or parse's output lines.</summary>
internal interface IEventBuffer
{
    /// <summary>The writer for the event between <see cref="BeginEvent"/> and <see cref="EndEvent"/>.</summary>
    Utf8JsonWriter Writer { get; }

    /// <summary>The buffer <see cref="Writer"/> writes into, for an event written straight into it (see <c>EventWriter.BeginMembers</c>).</summary>
    IBufferWriter<byte> Output { get; }

    void BeginEvent();

    /// <summary>Takes back the event being written.</summary>
    void CancelEvent();

    /// <summary>Ends the event; false when it is too big and was taken back (<paramref name="size"/> says how big).</summary>
    bool EndEvent(out int size);
}
