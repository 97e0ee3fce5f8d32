using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

public sealed partial class NetFlowCollector
{
    /// <summary>Decodes a data set with its cached template, or holds it until the template arrives.</summary>
    private int DecodeDataSet(StreamState stream, ushort templateId, ReadOnlySpan<byte> set, in MessageContext message,
        DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        if (stream.Templates.TryGetValue(templateId, out var template) && receivedAt - template.LastSeen > _options.TemplateLifetime)
        {
            Forget(stream, message.Stream, templateId);
            template = null;
        }
        if (template is null && _options.TemplateStore is { } store && store.TryGet(message.Stream, templateId, out var stored))
            template = Restore(stream, templateId, stored, message, receivedAt, sink);
        if (template is null)
        {
            if (_pending.TryHold(message, templateId, set, receivedAt, out var evicted))
                _counters.Drops[(int)NetFlowDropReason.NoTemplate] += evicted;
            else
                _counters.Drop(NetFlowDropReason.NoTemplate);
            return 0;
        }
        return DecodeRecords(stream, template, set, message, sink);
    }

    private void DecodeHeldData(StreamState stream, in StreamKey key, ushort templateId, IFlowEventSink sink)
    {
        var template = stream.Templates[templateId];
        _pending.Release(key, templateId, entry => DecodeRecords(stream, template, entry.Data.AsSpan(0, entry.Length), entry.Message, sink));
    }

    /// <summary>
    /// Walks the template's prepared plan over each record of the set: every field is read at its template length
    /// (IPFIX variable-length fields by their 1- or 3-byte length prefix) and written by its element's writer.
    /// A tail shorter than the smallest record is padding.
    /// </summary>
    private int DecodeRecords(StreamState stream, Template template, ReadOnlySpan<byte> set, in MessageContext message, IFlowEventSink sink)
    {
        var times = TimesFor(stream, message);
        var steps = template.Steps;
        var ipfix = message.Version == 10;
        var records = 0;
        var pos = 0;
        // Roles are read only where something uses them: options data, records' own sampling fields, and outside
        // fluent-strict a sampling rate or interface names to add. Without them a flow's counters and interface
        // indexes would be decoded a second time for nothing (1-2 % of the host under bench --mode netflow).
        var enrich = !_options.FluentStrict && template.HasRoles && (template.HasSamplingRoles
            || stream.Exporter.SamplingOverride is not null || stream.SamplingInterval is not null || !_interfaces.IsEmpty);
        var captureRoles = template.IsOptions || template.HasSamplingRoles || enrich;
        // Every record of the set starts with the same members: written once, kept at the start of the buffer.
        _writer.Reset();
        WriteRecordStart(message, template.Id);
        var recordStart = _writer.Length;
        while (set.Length - pos >= template.MinRecordLength)
        {
            _writer.Truncate(recordStart);
            var roles = default(RoleValues);
            pos = template.HasVariableLength
                ? WriteVariableFields(_writer, steps, set, pos, ipfix, times, captureRoles, ref roles)
                : WriteFixedFields(_writer, steps, set.Slice(pos, template.MinRecordLength), pos, times, captureRoles, ref roles);
            if (pos < 0)
            {
                _counters.Drop(NetFlowDropReason.BadRecord);
                break;
            }
            records++;
            if (template.IsOptions)
            {
                _counters.OptionsRecords++;
                ApplyOptions(stream, template, roles, set, message.Stream);
                if (template.IsSampler || !_options.ShipOptionsRecords) continue;
                if (!_options.FluentStrict) _writer.Raw(",\"record_type\":\"options\""u8);
            }
            else
            {
                _counters.Flows++;
                // Sampling fields come from the record's sampler or own fields, or (outside fluent-strict) the stream's interval.
                if (template.HasSamplingRoles || (!_options.FluentStrict && stream.SamplingInterval is not null)) WriteSampling(stream, roles);
                if (enrich) WriteEnrichment(stream, roles, message.Stream);
            }
            Emit(stream.Exporter, sink);
        }
        return records;
    }

    /// <summary>
    /// Writes the fields of a record of a template without variable-length fields (<paramref name="record"/> holds
    /// exactly its bytes, at <paramref name="pos"/> in the set); returns the position after it. Not inlined: alone,
    /// the loop keeps its state in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteFixedFields(FlowJsonWriter writer, PlanStep[] steps, ReadOnlySpan<byte> record, int pos, in FlowTimes times,
        bool captureRoles, ref RoleValues roles)
    {
        var at = 0;
        foreach (var step in steps)
        {
            var value = record.Slice(at, step.Length);
            at += step.Length;
            if (value.Length == 0) continue;
            step.Writer?.Write(writer, value, times);
            if (captureRoles && step.Role != FieldRole.None) roles.Capture(step.Role, value, pos + at - value.Length);
        }
        return pos + at;
    }

    /// <summary>
    /// Writes the fields of a record whose template has variable-length fields (IPFIX: a 1- or 3-byte length prefix;
    /// v9 has none, so such a field cannot fit); returns the position after it, or -1 when the set ends inside it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int WriteVariableFields(FlowJsonWriter writer, PlanStep[] steps, ReadOnlySpan<byte> set, int pos, bool ipfix, in FlowTimes times,
        bool captureRoles, ref RoleValues roles)
    {
        foreach (var step in steps)
        {
            int length = step.Length;
            if (length == PlanStep.VariableLength && ipfix)
            {
                if (pos >= set.Length) return -1;
                length = set[pos++];
                if (length == 255)
                {
                    if (set.Length - pos < 2) return -1;
                    length = BinaryPrimitives.ReadUInt16BigEndian(set.Slice(pos));
                    pos += 2;
                }
            }
            if (set.Length - pos < length) return -1;
            var value = set.Slice(pos, length);
            pos += length;
            if (length == 0) continue;
            step.Writer?.Write(writer, value, times);
            if (captureRoles && step.Role != FieldRole.None) roles.Capture(step.Role, value, pos - length);
        }
        return pos;
    }

    private FlowTimes TimesFor(StreamState stream, in MessageContext message)
    {
        if (message.Version == 9)
        {
            var mode = _options.SwitchedTimesFromUptime ? (_options.FluentStrict ? UptimeMode.Omit : UptimeMode.Raw) : UptimeMode.FromHeader;
            return new FlowTimes(mode, message.ExportMilliseconds, message.SysUpTimeMilliseconds, 0);
        }
        if (_options.SwitchedTimesFromUptime) return new FlowTimes(UptimeMode.Raw, message.ExportMilliseconds, 0, 0);
        return stream.SystemInitMilliseconds is { } init
            ? new FlowTimes(UptimeMode.FromSystemInit, message.ExportMilliseconds, 0, init)
            : new FlowTimes(UptimeMode.Unknown, message.ExportMilliseconds, 0, 0);
    }

    private void WriteRecordStart(in MessageContext message, ushort templateId)
    {
        _writer.Raw(message.Version == 9 ? "{\"version\":9,\"flow_seq_num\":"u8 : "{\"version\":10,\"flow_seq_num\":"u8);
        _writer.UInt64(message.Sequence);
        _writer.Raw(",\"flowset_id\":"u8);
        _writer.UInt64(templateId);
    }

    private void ApplyOptions(StreamState stream, Template template, in RoleValues roles, ReadOnlySpan<byte> set, in StreamKey key)
    {
        if (roles.InInterface is { } ifIndex && (roles.Name.Length > 0 || roles.Description.Length > 0))
            _interfaces.Learn(key.Address, key.Domain, ifIndex, set.Slice(roles.Name.Start, roles.Name.Length), set.Slice(roles.Description.Start, roles.Description.Length));
        if (template.IsSampler)
        {
            // A row whose sampler fields were empty (zero length) or too long to be numbers defines no sampler.
            if (roles is { SamplerId: { } id, SamplerMode: { } samplerMode, SamplerInterval: { } samplerInterval })
                stream.Samplers[id] = (samplerMode, samplerInterval);
            return;
        }
        if (roles.SystemInit is { } init) stream.SystemInitMilliseconds = (long)init;
        if (roles.SamplingInterval is { } interval) stream.SamplingInterval = interval;
        else if (roles.SamplerInterval is { } random && roles.SamplerId is null) stream.SamplingInterval = random;
        if (roles.PacketSpace is { } space) stream.SamplingPacketSpace = space;
        if (roles.SamplingAlgorithm is { } algorithm) stream.SamplingAlgorithm = algorithm;
        else if (roles.SamplerMode is { } mode && roles.SamplerId is null) stream.SamplingAlgorithm = mode;
    }

    /// <summary>
    /// A data record naming a sampler gets that sampler's algorithm and interval (as fluent-plugin-netflow adds them);
    /// outside fluent-strict mode a record without its own sampling fields gets the stream's from options data.
    /// </summary>
    private void WriteSampling(StreamState stream, in RoleValues roles)
    {
        if (roles.SamplerId is { } samplerId && stream.Samplers.TryGetValue(samplerId, out var sampler))
        {
            _writer.Raw(",\"sampling_algorithm\":"u8);
            _writer.UInt64(sampler.Mode);
            _writer.Raw(",\"sampling_interval\":"u8);
            _writer.UInt64(sampler.Interval);
            return;
        }
        if (_options.FluentStrict || roles.SamplingInterval is not null || stream.SamplingInterval is not { } interval) return;
        if (stream.SamplingAlgorithm is { } algorithm)
        {
            _writer.Raw(",\"sampling_algorithm\":"u8);
            _writer.UInt64(algorithm);
        }
        _writer.Raw(",\"sampling_interval\":"u8);
        _writer.UInt64(interval);
    }
}
