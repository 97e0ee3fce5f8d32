using System.Text.Json;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Routing;

namespace GrokFlow.Runtime.Sources;

/// <summary>A source's fixed event attributes (ddsource, service, ddtags), encoded once.</summary>
internal sealed class SourceFields
{
    public static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("ddsource");
    public static readonly JsonEncodedText ServiceName = JsonEncodedText.Encode("service");
    public static readonly JsonEncodedText TagsName = JsonEncodedText.Encode("ddtags");
    public static readonly JsonEncodedText HostnameName = JsonEncodedText.Encode("hostname");
    public static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");

    public SourceFields(SourceOptions options)
    {
        Source = Utf8(options.Source);
        Service = Utf8(options.Service);
        Tags = new EventTags(options.Tags);
        TagsUtf8 = Utf8(Tags.Joined);
        TruncatedTagsUtf8 = Utf8(Tags.Joined.Length == 0 ? "truncated:true" : Tags.Joined + ",truncated:true");
    }

    /// <summary>ddsource (empty when not configured).</summary>
    public byte[] Source { get; }
    /// <summary>service (empty when not configured).</summary>
    public byte[] Service { get; }
    public EventTags Tags { get; }
    public byte[] TagsUtf8 { get; }
    /// <summary>ddtags of an event whose message was truncated to fit the per-event limit.</summary>
    public byte[] TruncatedTagsUtf8 { get; }

    private static byte[] Utf8(string? text) => string.IsNullOrEmpty(text) ? [] : System.Text.Encoding.UTF8.GetBytes(text);
}
