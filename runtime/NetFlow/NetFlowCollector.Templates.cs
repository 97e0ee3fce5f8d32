using System.Buffers.Binary;

namespace GrokFlow.Runtime.NetFlow;

public sealed partial class NetFlowCollector
{
    private readonly List<PlanStep> _steps = new();

    /// <summary>
    /// Reads every template record of a (options) template set: v9 templates, v9 options templates (scope and option
    /// lengths in bytes), IPFIX templates and options templates (field and scope counts, enterprise bit), IPFIX
    /// withdrawals. A record that does not fit is counted malformed and ends the set; zeros after the last are padding.
    /// </summary>
    private void ReadTemplateSet(StreamState stream, ReadOnlySpan<byte> set, bool ipfix, bool options, in MessageContext message,
        DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        var pos = 0;
        var headerLength = options ? 6 : 4;
        while (set.Length - pos >= 4)
        {
            var rest = set.Slice(pos);
            var templateId = BinaryPrimitives.ReadUInt16BigEndian(rest);
            var count = BinaryPrimitives.ReadUInt16BigEndian(rest.Slice(2));
            if (ipfix && count == 0)
            {
                Withdraw(stream, message.Stream, templateId, options);
                pos += 4;
                continue;
            }
            if (templateId < 256)
            {
                if (!IsPadding(rest)) _counters.Drop(NetFlowDropReason.MalformedTemplate);
                return;
            }
            // A refresh of a cached template (exporters resend them every few seconds or datagrams): the definition
            // is compared before it is planned, as reading the same bytes again would give the same template.
            if (stream.Templates.TryGetValue(templateId, out var known) && known.IsOptions == options && rest.StartsWith(known.Definition))
            {
                known.LastSeen = receivedAt;
                pos += known.Definition.Length;
                continue;
            }
            if (rest.Length < headerLength)
            {
                _counters.Drop(NetFlowDropReason.MalformedTemplate);
                return;
            }
            var length = ipfix ? ReadIpfixFields(rest, count, options) : ReadV9Fields(rest, options);
            if (length < 0)
            {
                _counters.Drop(NetFlowDropReason.MalformedTemplate);
                return;
            }
            Learn(stream, templateId, options, rest.Slice(0, length), message, receivedAt, sink);
            pos += length;
        }
    }

    /// <summary>Fills <see cref="_steps"/> from a v9 record; returns its length in bytes, or -1 if it does not fit.</summary>
    private int ReadV9Fields(ReadOnlySpan<byte> record, bool options)
    {
        _steps.Clear();
        int scopeBytes = 0, fieldBytes, at;
        if (options)
        {
            scopeBytes = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(2));
            fieldBytes = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(4));
            at = 6;
            if (scopeBytes % 4 != 0 || fieldBytes % 4 != 0) return -1;
        }
        else
        {
            fieldBytes = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(2)) * 4;
            at = 4;
        }
        var length = at + scopeBytes + fieldBytes;
        if (length > record.Length) return -1;
        for (; at < length; at += 4)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(at));
            var fieldLength = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(at + 2));
            _steps.Add(at < 6 + scopeBytes && options ? _planner.Scope(type, fieldLength) : _planner.Element(0, type, fieldLength));
        }
        return length;
    }

    /// <summary>Fills <see cref="_steps"/> from an IPFIX record; returns its length in bytes, or -1 if malformed.</summary>
    private int ReadIpfixFields(ReadOnlySpan<byte> record, int count, bool options)
    {
        _steps.Clear();
        var at = 4;
        if (options)
        {
            var scopeCount = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(4));
            if (scopeCount == 0 || scopeCount > count) return -1;
            at = 6;
        }
        for (var i = 0; i < count; i++)
        {
            if (record.Length - at < 4) return -1;
            var id = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(at));
            var fieldLength = BinaryPrimitives.ReadUInt16BigEndian(record.Slice(at + 2));
            at += 4;
            uint enterprise = 0;
            if ((id & 0x8000) != 0)
            {
                if (record.Length - at < 4) return -1;
                enterprise = BinaryPrimitives.ReadUInt32BigEndian(record.Slice(at));
                at += 4;
                id &= 0x7FFF;
            }
            _steps.Add(_planner.Element(enterprise, id, fieldLength));
        }
        return at;
    }

    /// <summary>Caches a template (a refresh with the same definition only re-arms its lifetime), then decodes held data.</summary>
    private void Learn(StreamState stream, ushort templateId, bool options, ReadOnlySpan<byte> definition, in MessageContext message,
        DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        if (stream.Templates.TryGetValue(templateId, out var existing) && existing.IsOptions == options && existing.Definition.AsSpan().SequenceEqual(definition))
        {
            existing.LastSeen = receivedAt;
            return;
        }
        if (existing is null && stream.Exporter.TemplateCount >= _options.MaxTemplatesPerExporter)
        {
            _counters.Drop(NetFlowDropReason.TemplateLimit);
            return;
        }
        var template = new Template(templateId, options, definition.ToArray(), _steps.ToArray(), receivedAt);
        if (template.MinRecordLength == 0)
        {
            _counters.Drop(NetFlowDropReason.MalformedTemplate);
            if (existing is not null) Forget(stream, message.Stream, templateId);
            return;
        }
        if (existing is null)
        {
            stream.Exporter.TemplateCount++;
            _templatesCached++;
        }
        stream.Templates[templateId] = template;
        _counters.TemplatesLearned++;
        _options.TemplateStore?.Put(message.Stream, templateId, options, definition);
        if (_pending.Count > 0) DecodeHeldData(stream, message.Stream, templateId, sink);
    }

    private void Withdraw(StreamState stream, in StreamKey key, ushort templateId, bool options)
    {
        // Template ID 2 (template set) or 3 (options template set) withdraws all templates of that kind.
        if (templateId == (options ? 3 : 2))
        {
            _options.TemplateStore?.RemoveAll(key, options);
            foreach (var id in stream.Templates.Where(t => t.Value.IsOptions == options).Select(t => t.Key).ToList())
                Forget(stream, key, id);
        }
        else if (stream.Templates.TryGetValue(templateId, out var template) && template.IsOptions == options)
        {
            Forget(stream, key, templateId);
        }
        else
        {
            _options.TemplateStore?.Remove(key, templateId);   // withdrawn before this run restored it
        }
    }

    private void Forget(StreamState stream, in StreamKey key, ushort templateId)
    {
        _options.TemplateStore?.Remove(key, templateId);
        if (!stream.Templates.Remove(templateId)) return;
        stream.Exporter.TemplateCount--;
        _templatesCached--;
    }

    /// <summary>Learns a template kept by the template store (data arrived for a template this run has not seen yet).</summary>
    private Template? Restore(StreamState stream, ushort templateId, StoredTemplate stored, in MessageContext message, DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        var definition = stored.Definition.AsSpan();
        if (definition.Length < (stored.Options ? 6 : 4))
        {
            _options.TemplateStore!.Remove(message.Stream, templateId);
            return null;
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(definition.Slice(2));
        var length = message.Version == 10 ? ReadIpfixFields(definition, count, stored.Options) : ReadV9Fields(definition, stored.Options);
        if (length != definition.Length)
        {
            _options.TemplateStore!.Remove(message.Stream, templateId);
            return null;
        }
        Learn(stream, templateId, stored.Options, definition, message, receivedAt, sink);
        _counters.TemplatesRestored++;
        return stream.Templates.GetValueOrDefault(templateId);
    }

    private static bool IsPadding(ReadOnlySpan<byte> rest) => rest.IndexOfAnyExcept((byte)0) < 0;
}
