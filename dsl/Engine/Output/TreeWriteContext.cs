using System.Text.Json;

namespace GrokFlow.Engine.Output;

/// <summary>What writing a <see cref="Values.Structured.ValueTree"/> needs besides the tree: the writer and where text values live.</summary>
internal readonly ref struct TreeWriteContext
{
    private readonly ReadOnlySpan<byte> _input;
    private readonly OutputWorkspace _workspace;

    public TreeWriteContext(Utf8JsonWriter writer, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        Writer = writer;
        _input = input;
        _workspace = workspace;
    }

    public Utf8JsonWriter Writer { get; }

    public void WriteValue(in OutputValue value) => OutputWriter.WriteValue(value, _input, _workspace, Writer);
}
