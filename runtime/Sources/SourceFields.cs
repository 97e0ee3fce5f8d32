using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Routing;

namespace GrokFlow.Runtime.Sources;

/// <summary>A source's fixed event fields (ddsource, service, ddtags) as UTF-8, made once; written by the engine's EventWriter.</summary>
internal sealed class SourceFields
{
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
