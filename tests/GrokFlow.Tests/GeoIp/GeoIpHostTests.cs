using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrokFlow.Tests.GeoIp;

/// <summary>The host opens the configured GeoIP database once, for the built-in pipelines.</summary>
public sealed class GeoIpHostTests
{
    private static IHost Build(string database) => GrokFlowHostFactory.CreateBuilder(new HostLaunch
    {
        UseAppSettings = false,
        UseEnvironment = false,
        Settings = new Dictionary<string, string?> { ["GeoIp:Database"] = database, ["Logging:LogLevel:Default"] = "None" },
    }).Build();

    [Fact]
    public void A_valid_database_opens_and_the_built_in_pipelines_are_built()
    {
        using var database = new TestGeoIpDatabase();
        using var host = Build(database.Path);
        var catalog = host.Services.GetRequiredService<IPipelineCatalog>();
        Assert.Contains(catalog.Pipelines, p => p.Id == "nginx");
    }

    [Fact]
    public void A_file_that_is_no_MaxMind_database_stops_the_start_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grokflow-not-mmdb-{Guid.NewGuid():N}.mmdb");
        File.WriteAllText(path, "not a database");
        try
        {
            using var host = Build(path);
            var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IPipelineCatalog>());
            Assert.Contains($"cannot open the GeoIP database {path}", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
