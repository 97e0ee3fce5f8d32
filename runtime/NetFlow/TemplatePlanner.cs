using GrokFlow.Language.NetFlow;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// Turns template field specifiers into plan steps: the layout's element writer for each field (or none, or a
/// generic writer for elements the layout does not name), and the field's role in options data.
/// </summary>
internal sealed class TemplatePlanner(INetFlowLayout layout, bool fluentStrict)
{
    private readonly Dictionary<(uint Enterprise, ushort Id, bool Scope), NetFlowElement> _unknown = new();

    public PlanStep Element(uint enterprise, ushort id, ushort length, bool allowRoles = true)
    {
        layout.TryGetElement(enterprise, id, out var element);
        return new PlanStep(Choose(element, enterprise, id, scope: false), length, allowRoles && enterprise == 0 ? RoleOf(id, fluentStrict) : FieldRole.None);
    }

    public PlanStep Scope(ushort scopeType, ushort length)
    {
        layout.TryGetScope(scopeType, out var element);
        return new PlanStep(Choose(element, 0, scopeType, scope: true), length, scopeType == 2 && !fluentStrict ? FieldRole.InInterface : FieldRole.None);
    }

    private NetFlowElement? Choose(NetFlowElement? element, uint enterprise, ushort id, bool scope)
    {
        if (element is not null) return !fluentStrict || element.Fluent ? element : null;
        if (fluentStrict) return null;
        if (!_unknown.TryGetValue((enterprise, id, scope), out var generic))
        {
            var name = scope ? $"scope{id}" : enterprise == 0 ? $"ie{id}" : $"ie{enterprise}_{id}";
            generic = NetFlowElementFactory.Create(enterprise, id, name, NetFlowDataType.Unsigned, fluent: false);
            _unknown.Add((enterprise, id, scope), generic);
        }
        return generic;
    }

    /// <summary>
    /// The role of a field. Counters, interfaces and interface names serve only the enrichment fluent-strict events
    /// do not carry, so in that mode they are not read (the record walk stays as it was).
    /// </summary>
    private static FieldRole RoleOf(ushort id, bool fluentStrict) => id switch
    {
        1 or 2 or 10 or 14 or 82 or 83 when fluentStrict => FieldRole.None,
        160 => FieldRole.SystemInitTime,
        34 or 305 => FieldRole.SamplingInterval,
        35 or 304 => FieldRole.SamplingAlgorithm,
        48 => FieldRole.SamplerId,
        49 => FieldRole.SamplerMode,
        50 => FieldRole.SamplerInterval,
        306 => FieldRole.SamplingPacketSpace,
        1 => FieldRole.Bytes,
        2 => FieldRole.Packets,
        10 => FieldRole.InInterface,
        14 => FieldRole.OutInterface,
        82 => FieldRole.InterfaceName,
        83 => FieldRole.InterfaceDescription,
        _ => FieldRole.None,
    };
}
