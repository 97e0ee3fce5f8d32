namespace GrokFlow.Runtime.NetFlow;

/// <summary>Why input was dropped. The unit dropped is a datagram, a set, a template record or a data record.</summary>
public enum NetFlowDropReason
{
    /// <summary>Datagram shorter than its version's header.</summary>
    TruncatedHeader,
    /// <summary>Datagram whose version is not 5, 9 or 10.</summary>
    UnsupportedVersion,
    /// <summary>Datagram of a version the options disable.</summary>
    VersionDisabled,
    /// <summary>v5 datagram whose count is 0 or does not fit its length.</summary>
    BadCount,
    /// <summary>IPFIX datagram whose length field is below 16 or beyond the datagram.</summary>
    BadMessageLength,
    /// <summary>Set shorter than its header or running past the message: the rest of the message is dropped.</summary>
    BadSetLength,
    /// <summary>Set with a reserved ID.</summary>
    ReservedSetId,
    /// <summary>Template record that is cut short, has an ID below 256, or describes records of no length.</summary>
    MalformedTemplate,
    /// <summary>Template refused because the exporter already has the maximum number of templates.</summary>
    TemplateLimit,
    /// <summary>Datagram from a new exporter stream beyond <c>MaxDomains</c>.</summary>
    DomainLimit,
    /// <summary>Data set whose template did not arrive within the hold time, or pushed out of the full hold buffer.</summary>
    NoTemplate,
    /// <summary>Data record cut short by its set, or with a variable-length field running past it.</summary>
    BadRecord,
    /// <summary>A decoder bug caught instead of crashing (fuzzing keeps this at zero).</summary>
    DecoderFault,
}

public static class NetFlowDropReasonNames
{
    /// <summary>The snake_case name used in metrics tags and summaries.</summary>
    public static string Name(this NetFlowDropReason reason) => reason switch
    {
        NetFlowDropReason.TruncatedHeader => "truncated_header",
        NetFlowDropReason.UnsupportedVersion => "unsupported_version",
        NetFlowDropReason.VersionDisabled => "version_disabled",
        NetFlowDropReason.BadCount => "bad_count",
        NetFlowDropReason.BadMessageLength => "bad_message_length",
        NetFlowDropReason.BadSetLength => "bad_set_length",
        NetFlowDropReason.ReservedSetId => "reserved_set_id",
        NetFlowDropReason.MalformedTemplate => "malformed_template",
        NetFlowDropReason.TemplateLimit => "template_limit",
        NetFlowDropReason.DomainLimit => "domain_limit",
        NetFlowDropReason.NoTemplate => "no_template",
        NetFlowDropReason.BadRecord => "bad_record",
        NetFlowDropReason.DecoderFault => "decoder_fault",
        _ => reason.ToString(),
    };
}
