using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>geo-ip-parser</c>: the first source the event has (a non-empty string) is read as an IP address and the target
/// is replaced by an object, as Datadog records: <c>{"invalidAddress": text}</c> for text that is no address, <c>{}</c>
/// for a private (or otherwise not public) address or one the database does not know, and the location the
/// <see cref="IGeoIpLocator"/> writes otherwise. Without a locator (no database configured) the step changes nothing.
/// </summary>
public sealed class GeoIpParserStep(GeoIpParserModel model, IGeoIpLocator? locator) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);
    private readonly AttributePath _target = new(model.Target);

    public GeoIpParserModel Model { get; } = model;

    /// <summary>Whether the step runs as a no-op for want of a database.</summary>
    public bool NeedsDatabase => locator is null;

    /// <summary>Whether <paramref name="steps"/> (nested pipelines included) hold an enabled geo-IP parser.</summary>
    public static bool IsUsedIn(EquatableArray<StepModel> steps)
    {
        foreach (var step in steps)
        {
            if (!step.Enabled) continue;
            if (step is GeoIpParserModel) return true;
            if (step is NestedPipelineModel nested && IsUsedIn(nested.Steps)) return true;
        }
        return false;
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (locator is null) return;
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None || document.KindOf(source) != EventValueKind.String) return;
        var text = document.TextOf(source);
        if (text.IsEmpty) return;
        var kind = IpAddressText.Classify(text);
        var target = document.GetOrCreate(_target);
        document.SetObject(target);
        // The document only appends text, so the source's span stays valid while the target is written.
        if (kind == IpAddressKind.Invalid) document.SetString(document.AddMember(target, "invalidAddress"u8), text);
        else if (kind == IpAddressKind.Public) locator.TryLocate(text, document, target);
    }
}
