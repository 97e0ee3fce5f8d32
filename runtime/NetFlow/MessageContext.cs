using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>The header facts of one v9/IPFIX message that its records need (kept with data held for a template).</summary>
internal readonly record struct MessageContext(ushort Version, uint Sequence, long ExportMilliseconds, uint SysUpTimeMilliseconds, StreamKey Stream);

/// <summary>The values an options record gives (or a data record's sampler ID), read while its plan is walked.</summary>
internal struct RoleValues
{
    public ulong? SystemInit, SamplingInterval, SamplingAlgorithm, SamplerId, SamplerMode, SamplerInterval;

    public void Capture(FieldRole role, ReadOnlySpan<byte> value)
    {
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
        }
    }
}
