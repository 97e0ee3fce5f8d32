using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.GeoIp;
using GrokFlow.Tests.Processing;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.GeoIp;

/// <summary>The geo-ip-parser step with a MaxMind database (written by <see cref="MmdbTestWriter"/>) read through MaxMind.Db.</summary>
public sealed class GeoIpParserLookupTests : IDisposable
{
    /// <summary>Non-ASCII as itself (Île-de-France), so texts compare as written.</summary>
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TestGeoIpDatabase _database = new();
    private readonly GeoIpServices _services;
    private readonly ProcessingPipeline _pipeline;

    public GeoIpParserLookupTests()
    {
        _services = new GeoIpServices(_database.Path);
        _pipeline = Load("""
              geo-ip-parser {
                sources network.client.ip, ip
              }
            """, _services.Processing);
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Dispose();
    }

    private static ProcessingPipeline Load(string steps, ProcessingServices services)
    {
        var compiled = RulesCompiler.Compile("pipeline t {\n" + steps + "\n}\n");
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format("t.rules"))));
        var model = compiled.Pipelines[0];
        return new ProcessingPipeline(model, InterpretedPipeline.Create(model), services);
    }

    private static string ClientIp(string ip) => """{"network":{"client":{"ip":""" + JsonSerializer.Serialize(ip) + "}}}";

    private string GeoIpOf(string eventJson)
    {
        var e = ProcessorHarness.Run(_pipeline, new ParseContext(new FixedClock(ProcessorHarness.Clock)), eventJson);
        return e.Attributes["network"]?["client"]?["geoip"]?.ToJsonString(Unescaped) ?? "(none)";
    }

    [Fact]
    public void A_known_IPv4_address_is_located_as_Datadog_records_it()
    {
        Assert.Equal(TestGeoIpDatabase.ParisAsRecorded, GeoIpOf("""{"network":{"client":{"ip":"185.64.148.0"}}}"""));
    }

    [Fact]
    public void A_known_IPv6_address_is_located()
    {
        Assert.Equal(
            """{"city":{"name":"Lyon"},"continent":{"code":"EU","name":"Europe"},"country":{"iso_code":"FR","name":"France"},"ipAddress":"2a01:cb00:1:2::3","location":{"latitude":45.7485,"longitude":4.8467},"subdivision":{"iso_code":"FR-ARA","name":"Auvergne-Rhône-Alpes"},"timezone":"Europe/Paris"}""",
            GeoIpOf("""{"network":{"client":{"ip":"2a01:cb00:1:2::3"}}}"""));
    }

    [Fact]
    public void A_record_without_city_or_location_gives_only_what_it_has()
    {
        Assert.Equal(
            """{"continent":{"code":"EU","name":"Europe"},"country":{"iso_code":"GB","name":"United Kingdom"},"ipAddress":"81.2.69.160"}""",
            GeoIpOf("""{"network":{"client":{"ip":"81.2.69.160"}}}"""));
    }

    [Fact]
    public void The_first_source_the_event_has_is_used()
    {
        var e = ProcessorHarness.Run(_pipeline, new ParseContext(new FixedClock(ProcessorHarness.Clock)), """{"ip":"185.64.148.7"}""");
        Assert.Equal("Paris", e.Attributes["network"]!["client"]!["geoip"]!["city"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("185.64.149.1")]
    [InlineData("2001:4860:4860::8888")]
    public void An_address_the_database_does_not_know_gives_an_empty_object(string ip)
    {
        Assert.Equal("{}", GeoIpOf(ClientIp(ip)));
    }

    [Theory]
    [InlineData("10.10.10.10")]      // in the database, but private
    [InlineData("192.168.1.100")]
    [InlineData("172.22.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("100.100.100.100")]
    [InlineData("::1")]
    [InlineData("fe80:0:0:0:1958:16a1:813f:bbe8")]
    [InlineData("ff02:0:0:0:0:0:0:fb")]
    [InlineData("::ffff:10.1.2.3")]
    public void A_private_address_is_not_located_and_gives_an_empty_object(string ip)
    {
        Assert.Equal("{}", GeoIpOf(ClientIp(ip)));
    }

    [Theory]
    [InlineData("10.2.75.414")]
    [InlineData("100.100.00.200")]
    [InlineData("100.100.200.00")]
    [InlineData("not an ip")]
    [InlineData("1.2.3")]
    [InlineData("[2a01:cb00::1]")]
    public void Text_that_is_no_address_is_reported_as_Datadog_does(string text)
    {
        Assert.Equal($$"""{"invalidAddress":"{{text}}"}""", GeoIpOf(ClientIp(text)));
    }

    [Theory]
    [InlineData("""{"other":"185.64.148.0"}""")]
    [InlineData("""{"network":{"client":{"ip":""}}}""")]
    [InlineData("""{"network":{"client":{"ip":42}}}""")]
    public void A_missing_empty_or_non_string_source_changes_nothing(string eventJson)
    {
        var e = ProcessorHarness.Run(_pipeline, new ParseContext(new FixedClock(ProcessorHarness.Clock)), eventJson);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(eventJson)!.ToJsonString(), e.Json());
    }

    [Fact]
    public void The_target_setting_places_the_location()
    {
        var pipeline = Load("""
              geo-ip-parser {
                sources client
                target where.geo
              }
            """, _services.Processing);
        var e = ProcessorHarness.Run(pipeline, new ParseContext(new FixedClock(ProcessorHarness.Clock)), """{"client":"185.64.148.0","where":{"geo":"old"}}""");
        Assert.Equal(TestGeoIpDatabase.ParisAsRecorded, e.Attributes["where"]!["geo"]!.ToJsonString(Unescaped));
    }

    [Fact]
    public void The_database_is_described_for_the_start_up_log()
    {
        Assert.Contains("GrokFlow-Test-City", _services.DatabaseDescription);
        Assert.Null(_services.MissingDatabaseNotice(["t"], "set it"));
    }
}
