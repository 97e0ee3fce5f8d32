using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.GeoIp;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Tests.Processing;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.GeoIp;

/// <summary>Without a database a geo-ip-parser changes nothing, and the start names the pipelines concerned once.</summary>
public sealed class GeoIpWithoutDatabaseTests
{
    private const string Rules = """
        pipeline located {
          geo-ip-parser {
            sources ip
          }
          pipeline "nested" {
            filter "*"
            geo-ip-parser {
              sources ip
              target nested.geoip
            }
          }
        }
        pipeline switched_off {
          geo-ip-parser {
            enabled false
          }
        }
        pipeline unrelated {
          lookup-processor {
            source a
            target b
            lookup_table {
              x,y
            }
          }
        }
        """;

    [Fact]
    public void The_step_changes_nothing()
    {
        using var services = new GeoIpServices(databasePath: null);
        var pipeline = RulesInterpreter.Load(Rules, services: services.Processing).Pipelines.Single(p => p.Id == "located");
        var context = new ParseContext(new FixedClock(ProcessorHarness.Clock));
        var document = context.Processing.Document;
        document.Reset();
        document.MergeObject("""{"ip":"185.64.148.0"}"""u8);
        pipeline.Process(document, context);
        Assert.Equal(1, document.ChildCount(EventDocument.Root));
        Assert.Equal("185.64.148.0"u8.ToArray(), document.TextOf(document.FirstChild(EventDocument.Root)).ToArray());
    }

    [Fact]
    public void Each_pipeline_with_an_enabled_geo_ip_parser_is_reported_once()
    {
        var reported = new List<string>();
        var services = ProcessingServices.Default with { GeoIpUnavailable = reported.Add };
        var loaded = RulesInterpreter.Load(Rules, services: services);
        Assert.False(loaded.HasErrors);
        Assert.Equal(["located"], reported);
    }

    [Fact]
    public void The_notice_names_the_running_pipelines_and_the_setting_in_one_message()
    {
        using var services = new GeoIpServices(databasePath: null);
        RulesInterpreter.Load(Rules, services: services.Processing);
        RulesInterpreter.Load(Rules.Replace("pipeline located", "pipeline also_located"), services: services.Processing);

        var notice = services.MissingDatabaseNotice(["located", "also_located", "unrelated"], GeoIpOptions.HowToConfigure);

        Assert.Equal(
            "pipelines located, also_located have a geo-ip-parser but no GeoIP database is configured, so it is skipped (events get no location); "
            + "set GeoIp:Database (grokflow run --geoip-database PATH) to a MaxMind .mmdb file",
            notice);
        Assert.Null(services.MissingDatabaseNotice(["unrelated", "switched_off"], GeoIpOptions.HowToConfigure));
    }

    [Fact]
    public void A_file_that_is_no_MaxMind_database_is_refused_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("grokflow-geoip-");
        try
        {
            var path = Path.Combine(folder.FullName, "not.mmdb");
            File.WriteAllText(path, "hello");
            var error = Assert.Throws<InvalidOperationException>(() => new GeoIpServices(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
