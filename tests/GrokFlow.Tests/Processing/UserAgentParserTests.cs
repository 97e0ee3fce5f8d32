namespace GrokFlow.Tests.Processing;

public sealed class UserAgentParserTests
{
    [Fact]
    public void Parses_the_default_source_into_browser_os_and_device()
    {
        var e = ProcessorHarness.Run("  user-agent-parser {\n  }",
            """{"http":{"useragent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"}}""");
        var details = e.Attributes["http"]!["useragent_details"]!;
        Assert.Equal("Chrome", details["browser"]!["family"]!.GetValue<string>());
        Assert.Equal("Windows", details["os"]!["family"]!.GetValue<string>());
    }

    [Fact]
    public void Is_encoded_decodes_first_and_non_strings_change_nothing()
    {
        var encoded = ProcessorHarness.Run("  user-agent-parser {\n    sources ua\n    target d\n    is_encoded true\n  }", """{"ua":"curl%2F8.1.2"}""");
        Assert.Equal("curl", encoded.Attributes["d"]!["browser"]!["family"]!.GetValue<string>());
        Assert.Equal("""{"ua":5}""", ProcessorHarness.Run("  user-agent-parser {\n    sources ua\n    target d\n  }", """{"ua":5}""").Json());
    }

    [Fact]
    public void Browsers_name_a_fourth_version_part_and_Gmail_image_proxy_is_its_own_family()
    {
        var chrome = ProcessorHarness.Run("  user-agent-parser {\n    sources ua\n    target d\n  }",
            """{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36"}""");
        Assert.Equal("""{"family":"Chrome","major":"81","minor":"0","patch":"4044","patch_minor":"138"}""", chrome.Attributes["d"]!["browser"]!.ToJsonString());
        var proxy = ProcessorHarness.Run("  user-agent-parser {\n    sources ua\n    target d\n  }",
            """{"ua":"Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"}""");
        Assert.Equal("""{"family":"GmailImageProxy"}""", proxy.Attributes["d"]!["browser"]!.ToJsonString());
    }
}
