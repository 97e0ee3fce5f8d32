using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>What a field of a template means to the collector beyond being written.</summary>
internal enum FieldRole : byte
{
    None,
    SystemInitTime,
    SamplingInterval,
    SamplingAlgorithm,
    SamplerId,
    SamplerMode,
    SamplerInterval,
    /// <summary>IPFIX samplingPacketSpace (306): with samplingPacketInterval (305) the rate is (interval + space) / interval.</summary>
    SamplingPacketSpace,
    /// <summary>Delta octet / packet counts (1, 2), scaled into adjusted_bytes / adjusted_packets.</summary>
    Bytes,
    Packets,
    /// <summary>Input / output interface index (10, 14; v9 interface scope): interface names in data, their subject in options data.</summary>
    InInterface,
    OutInterface,
    /// <summary>interfaceName / interfaceDescription (82, 83) in options data.</summary>
    InterfaceName,
    InterfaceDescription,
}

/// <summary>One field of a prepared template plan: its wire length (65535 = IPFIX variable length) and writer.</summary>
internal readonly struct PlanStep(NetFlowElement? writer, ushort length, FieldRole role)
{
    public const ushort VariableLength = 65535;

    /// <summary>Null when the field is read past but not written (fluent-strict unknowns, skipped scopes).</summary>
    public NetFlowElement? Writer { get; } = writer;

    public ushort Length { get; } = length;

    public FieldRole Role { get; } = role;
}

/// <summary>
/// A template or options template prepared for decoding: the plan walked for every record, its minimum record
/// length (records shorter than that at a set's end are padding), and the raw definition to recognise refreshes.
/// </summary>
internal sealed class Template(ushort id, bool isOptions, byte[] definition, PlanStep[] steps, DateTimeOffset lastSeen)
{
    public ushort Id { get; } = id;

    public bool IsOptions { get; } = isOptions;

    public byte[] Definition { get; } = definition;

    public PlanStep[] Steps { get; } = steps;

    public int MinRecordLength { get; } = steps.Sum(s => s.Length == PlanStep.VariableLength ? 1 : s.Length);

    /// <summary>Whether some field is variable-length (otherwise every record is <see cref="MinRecordLength"/> long).</summary>
    public bool HasVariableLength { get; } = steps.Any(s => s.Length == PlanStep.VariableLength);

    public bool HasRoles { get; } = steps.Any(s => s.Role != FieldRole.None);

    /// <summary>Whether records carry their own sampling fields (sampler ID, interval, algorithm, packet space).</summary>
    public bool HasSamplingRoles { get; } = steps.Any(s => s.Role is FieldRole.SamplerId or FieldRole.SamplerMode or FieldRole.SamplerInterval
        or FieldRole.SamplingInterval or FieldRole.SamplingAlgorithm or FieldRole.SamplingPacketSpace);

    /// <summary>An options template carrying FLOW_SAMPLER_ID, MODE and RANDOM_INTERVAL: a sampler table row (not emitted).</summary>
    public bool IsSampler { get; } = isOptions
        && steps.Any(s => s.Role == FieldRole.SamplerId) && steps.Any(s => s.Role == FieldRole.SamplerMode) && steps.Any(s => s.Role == FieldRole.SamplerInterval);

    public DateTimeOffset LastSeen { get; set; } = lastSeen;
}
