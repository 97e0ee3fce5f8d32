using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>The header facts of one v9/IPFIX message that its records need (kept with data held for a template).</summary>
internal readonly record struct MessageContext(ushort Version, uint Sequence, long ExportMilliseconds, uint SysUpTimeMilliseconds, StreamKey Stream);

/// <summary>
/// The values an options record gives (or a data record's sampler ID, counters and interfaces), read while its plan
/// is walked. Values are kept with a presence mask: the struct is cleared for every record, so it stays small.
/// </summary>
internal struct RoleValues
{
    private uint _present;
    private ulong _systemInit, _samplingInterval, _samplingAlgorithm, _samplerId, _samplerMode, _samplerInterval, _packetSpace;
    private ulong _bytes, _packets, _inInterface, _outInterface;

    /// <summary>Where interfaceName / interfaceDescription sit in the set (length 0: absent).</summary>
    public (int Start, int Length) Name, Description;

    public readonly ulong? SystemInit => Get(FieldRole.SystemInitTime, _systemInit);
    public readonly ulong? SamplingInterval => Get(FieldRole.SamplingInterval, _samplingInterval);
    public readonly ulong? SamplingAlgorithm => Get(FieldRole.SamplingAlgorithm, _samplingAlgorithm);
    public readonly ulong? SamplerId => Get(FieldRole.SamplerId, _samplerId);
    public readonly ulong? SamplerMode => Get(FieldRole.SamplerMode, _samplerMode);
    public readonly ulong? SamplerInterval => Get(FieldRole.SamplerInterval, _samplerInterval);
    public readonly ulong? PacketSpace => Get(FieldRole.SamplingPacketSpace, _packetSpace);
    public readonly ulong? Bytes => Get(FieldRole.Bytes, _bytes);
    public readonly ulong? Packets => Get(FieldRole.Packets, _packets);
    public readonly ulong? InInterface => Get(FieldRole.InInterface, _inInterface);
    public readonly ulong? OutInterface => Get(FieldRole.OutInterface, _outInterface);

    private readonly ulong? Get(FieldRole role, ulong value) => (_present & (1u << (int)role)) != 0 ? value : null;

    public void Capture(FieldRole role, ReadOnlySpan<byte> value, int at)
    {
        if (role == FieldRole.InterfaceName) { Name = (at, value.Length); return; }
        if (role == FieldRole.InterfaceDescription) { Description = (at, value.Length); return; }
        if (value.Length > 8) return;
        var number = NetFlowElement.ReadUnsigned(value);
        switch (role)
        {
            case FieldRole.SystemInitTime: _systemInit = number; break;
            case FieldRole.SamplingInterval: _samplingInterval = number; break;
            case FieldRole.SamplingAlgorithm: _samplingAlgorithm = number; break;
            case FieldRole.SamplerId: _samplerId = number; break;
            case FieldRole.SamplerMode: _samplerMode = number; break;
            case FieldRole.SamplerInterval: _samplerInterval = number; break;
            case FieldRole.SamplingPacketSpace: _packetSpace = number; break;
            case FieldRole.Bytes: _bytes = number; break;
            case FieldRole.Packets: _packets = number; break;
            case FieldRole.InInterface: _inInterface = number; break;
            case FieldRole.OutInterface: _outInterface = number; break;
            default: return;
        }
        _present |= 1u << (int)role;
    }
}
