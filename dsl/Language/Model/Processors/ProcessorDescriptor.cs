using GrokFlow.Language.Compilation;

namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// One processor type grokflow knows, declared beside its model: Datadog's type name, its settings with their Datadog
/// names (in the order import and export write them), and how checked settings become the model. The checker compiles
/// with it, <c>grokflow import</c> and <c>export</c> read its settings, and the engine runs the model's step.
/// </summary>
public sealed class ProcessorDescriptor
{
    internal ProcessorDescriptor(string type, DatadogSetting[] settings, Func<ProcessorSettings, StepModel> compile)
    {
        Type = type;
        Settings = settings;
        Compile = compile;
    }

    public string Type { get; }

    public IReadOnlyList<DatadogSetting> Settings { get; }

    /// <summary>Reads and checks the settings (reporting problems through them) and builds the model.</summary>
    internal Func<ProcessorSettings, StepModel> Compile { get; }
}
