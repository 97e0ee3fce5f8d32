using GrokFlow.Dsl.NetFlow.Runtime;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>The header facts of one v9/IPFIX message that its records need (kept with data held for a template).</summary>
internal readonly record struct MessageContext(ushort Version, uint Sequence, long ExportMilliseconds, uint SysUpTimeMilliseconds, StreamKey Stream);

/// <summary>The values an options record gives (or a data record's sampler ID), read while its plan is walked.</summary>
internal struct RoleValues
{
    public ulong? SystemInit, SamplingInterval, SamplingAlgorithm, SamplerId, SamplerMode, SamplerInterval, PacketSpace;
    public ulong? Bytes, Packets, InInterface, OutInterface;

    /// <summary>Where interfaceName / interfaceDescription sit in the set (length 0: absent).</summary>
    public (int Start, int Length) Name, Description;

    public void Capture(FieldRole role, ReadOnlySpan<byte> value, int at)
    {
        if (role == FieldRole.InterfaceName) { Name = (at, value.Length); return; }
        if (role == FieldRole.InterfaceDescription) { Description = (at, value.Length); return; }
        if (value.Length > 8) return;
        var number = NetFlowElement.ReadUnsigned(value);
        switch (role)
        {
            case FieldRole.SystemInitTime: SystemInit = number; break;
            case FieldRole.SamplingInterval: SamplingInterval = number; break;
            case FieldRole.SamplingAlgorithm: SamplingAlgorithm = number; break;
            case FieldRole.SamplerId: SamplerId = number; break;
            case FieldRole.SamplerMode: SamplerMode = number; break;
            case FieldRole.SamplerInterval: SamplerInterval = number; break;
            case FieldRole.SamplingPacketSpace: PacketSpace = number; break;
            case FieldRole.Bytes: Bytes = number; break;
            case FieldRole.Packets: Packets = number; break;
            case FieldRole.InInterface: InInterface = number; break;
            case FieldRole.OutInterface: OutInterface = number; break;
        }
    }
}
