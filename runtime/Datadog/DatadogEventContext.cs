using System.Text;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Runtime.Datadog;

/// <summary>
/// What an event arrives with at Datadog's intake besides its content: the service, the source (the <c>source:</c>
/// tag filters and category queries see), the host and the tags (<c>key:value</c>, as in <c>ddtags</c>). The UTF-8
/// forms are kept so applying the context to an event allocates nothing.
/// </summary>
public sealed class DatadogEventContext
{
    private readonly byte[]? _service;
    private readonly byte[][] _tags;
    private readonly byte[]? _sourceTag;

    public DatadogEventContext(string? service = null, string? source = null, string? host = null, IEnumerable<string>? tags = null)
    {
        Service = string.IsNullOrEmpty(service) ? null : service;
        Source = string.IsNullOrEmpty(source) ? null : source;
        Host = string.IsNullOrEmpty(host) ? null : host;
        Tags = (tags ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        _service = Service is null ? null : Encoding.UTF8.GetBytes(Service);
        _tags = Tags.Select(Encoding.UTF8.GetBytes).ToArray();
        _sourceTag = Source is null ? null : Encoding.UTF8.GetBytes("source:" + Source);
    }

    /// <summary>No service, source, host or tags.</summary>
    public static DatadogEventContext None { get; } = new();

    public string? Service { get; }
    public string? Source { get; }
    public string? Host { get; }
    public IReadOnlyList<string> Tags { get; }

    public bool IsEmpty => Service is null && Source is null && Host is null && Tags.Count == 0;

    /// <summary>
    /// Gives the event loaded in <paramref name="document"/> this context: its tags, the source as the tag
    /// <c>source:…</c> (unless <paramref name="sourceAsTag"/> is false: the intake JSON carries it as <c>ddsource</c>),
    /// and the service it was sent with.
    /// </summary>
    public void ApplyTo(EventDocument document, bool sourceAsTag = true)
    {
        if (sourceAsTag && _sourceTag is not null) document.AddTag(_sourceTag);
        foreach (var tag in _tags) document.AddTag(tag);
        if (_service is not null) document.Official.SetSentService(document.Store(_service));
    }
}
