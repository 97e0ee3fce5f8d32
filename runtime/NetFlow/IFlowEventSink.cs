namespace GrokFlow.Runtime.NetFlow;

/// <summary>Receives each flow event as one complete UTF-8 JSON object, valid only during the call.</summary>
public interface IFlowEventSink
{
    void Write(ReadOnlySpan<byte> flowEventJson);
}
