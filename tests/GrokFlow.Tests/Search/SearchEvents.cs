using System.Text.Json.Nodes;
using GrokFlow.Engine.Search;

namespace GrokFlow.Tests.Search;

/// <summary>The events the query tables run against.</summary>
internal static class SearchEvents
{
    public static readonly JsonSearchableEvent Rich = Parse("""
        {
          "message": "Connection refused from 10.1.2.3: user=admin failed login, retrying",
          "service": "qnap-nas", "ddsource": "qnap", "hostname": "NAS01", "status": "error",
          "ddtags": "env:prod, team:storage,beta,version:10",
          "http": { "status_code": 404, "method": "GET", "url": "/api-v1/users?id=7", "duration": 2.5e3 },
          "network": { "client": { "ip": "10.1.2.3" }, "v6": "fc00::1" },
          "usr": { "name": "Alice", "roles": ["admin", "ops"], "id": 200.0, "active": true, "manager": null },
          "items": [ { "sku": "A1", "qty": 2 }, { "sku": "B2", "qty": 5 } ],
          "codes": [200, 301, 500],
          "http.flat": "flatvalue",
          "mapped": "::ffff:192.168.1.20",
          "version": "1.10.0",
          "path": "C:\\logs (old)"
        }
        """);

    public static readonly JsonSearchableEvent Bare = Parse("""{ "message": "hello-world again" }""");

    public static JsonSearchableEvent Parse(string json) => new(JsonNode.Parse(json)!.AsObject());
}
