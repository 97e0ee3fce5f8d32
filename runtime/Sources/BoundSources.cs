using System.Collections.Concurrent;
using System.Net;

namespace GrokFlow.Runtime.Sources;

/// <summary>Where each source actually listens (a configured port 0 becomes a real one), by source name.</summary>
internal sealed class BoundSources
{
    private readonly ConcurrentDictionary<string, IPEndPoint> _endpoints = new();

    public void Add(string name, IPEndPoint endPoint) => _endpoints[name] = endPoint;

    public IPEndPoint this[string name] => _endpoints[name];

    public IReadOnlyDictionary<string, IPEndPoint> All => _endpoints;
}
