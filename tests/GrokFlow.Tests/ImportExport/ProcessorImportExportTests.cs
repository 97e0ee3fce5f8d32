using System.Text.Json.Nodes;

namespace GrokFlow.Tests.ImportExport;

/// <summary>
/// Each processor type: the Logs Pipelines API JSON imports to the expected .rules block, which compiles and exports
/// back to the same JSON; the integration files' camelCase spelling imports to the same block.
/// </summary>
public sealed class ProcessorImportExportTests
{
    public static TheoryData<string, string, string> Processors => new()
    {
        {
            """{"type":"attribute-remapper","name":"Map","is_enabled":true,"sources":["a","b c"],"source_type":"tag","target":"x.y","target_type":"attribute","target_format":"integer","preserve_source":true,"override_on_conflict":false}""",
            """{"type":"attribute-remapper","name":"Map","enabled":true,"sources":["a","b c"],"sourceType":"tag","target":"x.y","targetType":"attribute","targetFormat":"integer","preserveSource":true,"overrideOnConflict":false}""",
            """
              attribute-remapper "Map" {
                sources a, "b c"
                source_type tag
                target x.y
                target_type attribute
                target_format integer
                preserve_source true
                override_on_conflict false
              }
            """
        },
        {
            """{"type":"date-remapper","name":"Date","is_enabled":false,"sources":["timestamp","ts"],"override_on_conflict":true}""",
            """{"type":"date-remapper","name":"Date","enabled":false,"sources":["timestamp","ts"],"overrideOnConflict":true}""",
            """
              date-remapper "Date" {
                enabled false
                sources timestamp, ts
                override_on_conflict true
              }
            """
        },
        {
            """{"type":"status-remapper","name":"","is_enabled":true,"sources":["level"]}""",
            """{"type":"status-remapper","name":"","enabled":true,"sources":["level"]}""",
            """
              status-remapper "" {
                sources level
              }
            """
        },
        {
            """{"type":"service-remapper","name":"S","is_enabled":true,"sources":["app"]}""",
            """{"type":"service-remapper","name":"S","enabled":true,"sources":["app"]}""",
            """
              service-remapper "S" {
                sources app
              }
            """
        },
        {
            """{"type":"message-remapper","name":"M","is_enabled":true,"sources":["msg"]}""",
            """{"type":"message-remapper","name":"M","enabled":true,"sources":["msg"]}""",
            """
              message-remapper "M" {
                sources msg
              }
            """
        },
        {
            """{"type":"trace-id-remapper","name":"T","is_enabled":true,"sources":["dd.trace_id"]}""",
            """{"type":"trace-id-remapper","name":"T","enabled":true,"sources":["dd.trace_id"]}""",
            """
              trace-id-remapper "T" {
                sources dd.trace_id
              }
            """
        },
        {
            """{"type":"category-processor","name":"C","is_enabled":true,"target":"http.status_category","categories":[{"filter":{"query":"@http.status_code:[200 TO 299]"},"name":"OK"},{"filter":{"query":"@msg:\"a b\""},"name":"Say \"hi\""}]}""",
            """{"type":"category-processor","name":"C","enabled":true,"target":"http.status_category","categories":[{"filter":{"query":"@http.status_code:[200 TO 299]"},"name":"OK"},{"filter":{"query":"@msg:\"a b\""},"name":"Say \"hi\""}]}""",
            """
              category-processor "C" {
                target http.status_category
                category "OK", "@http.status_code:[200 TO 299]"
                category "Say \"hi\"", "@msg:\"a b\""
              }
            """
        },
        {
            """{"type":"arithmetic-processor","name":"A","is_enabled":true,"expression":"timestamp * 1000","target":"ms","is_replace_missing":true}""",
            """{"type":"arithmetic-processor","name":"A","enabled":true,"expression":"timestamp * 1000","target":"ms","replaceMissing":true}""",
            """
              arithmetic-processor "A" {
                expression "timestamp * 1000"
                target ms
                is_replace_missing true
              }
            """
        },
        {
            """{"type":"string-builder-processor","name":"B","is_enabled":true,"template":"%{a}, %{b}\ttab","target":"out","is_replace_missing":false}""",
            """{"type":"string-builder-processor","name":"B","enabled":true,"template":"%{a}, %{b}\ttab","target":"out","replaceMissing":false}""",
            """
              string-builder-processor "B" {
                template "%{a}, %{b}\ttab"
                target out
                is_replace_missing false
              }
            """
        },
        {
            """{"type":"lookup-processor","name":"L","is_enabled":true,"source":"code","target":"label","lookup_table":["1,one","2, two words"],"default_lookup":"unknown value"}""",
            """{"type":"lookup-processor","name":"L","enabled":true,"source":"code","target":"label","lookupTable":"1,one\n2, two words\n","defaultLookup":"unknown value"}""",
            """
              lookup-processor "L" {
                source code
                target label
                lookup_table {
                  1,one
                  2, two words
                }
                default_lookup "unknown value"
              }
            """
        },
        {
            """{"type":"url-parser","name":"U","is_enabled":true,"sources":["http.url"],"target":"http.url_details","normalize_ending_slashes":true}""",
            """{"type":"url-parser","name":"U","enabled":true,"sources":["http.url"],"target":"http.url_details","normalizeEndingSlashes":true}""",
            """
              url-parser "U" {
                sources http.url
                target http.url_details
                normalize_ending_slashes true
              }
            """
        },
        {
            """{"type":"user-agent-parser","name":"UA","is_enabled":true,"sources":["http.useragent"],"target":"http.useragent_details","is_encoded":true,"combine_version_details":false}""",
            """{"type":"user-agent-parser","name":"UA","enabled":true,"sources":["http.useragent"],"target":"http.useragent_details","encoded":true,"combineVersionDetails":false}""",
            """
              user-agent-parser "UA" {
                sources http.useragent
                target http.useragent_details
                is_encoded true
                combine_version_details false
              }
            """
        },
        {
            """{"type":"geo-ip-parser","name":"G","is_enabled":true,"sources":["network.client.ip"],"target":"network.client.geoip","ip_processing_behavior":"do-nothing","override_on_conflict":false}""",
            """{"type":"geo-ip-parser","name":"G","enabled":true,"sources":["network.client.ip"],"target":"network.client.geoip","ip_processing_behavior":"do-nothing","overrideOnConflict":false}""",
            """
              geo-ip-parser "G" {
                sources network.client.ip
                target network.client.geoip
                ip_processing_behavior do-nothing
                override_on_conflict false
              }
            """
        },
        {
            """{"type":"array-processor","name":"Sel","is_enabled":true,"operation":{"type":"select","source":"items","target":"ua","filter":"key:\"User-Agent\"","value_to_extract":"value"}}""",
            """{"type":"array-processor","name":"Sel","enabled":true,"operation":{"type":"select","source":"items","target":"ua","filter":"key:\"User-Agent\"","valueToExtract":"value"}}""",
            """
              array-processor "Sel" {
                operation select
                source items
                target ua
                filter "key:\"User-Agent\""
                value_to_extract value
              }
            """
        },
        {
            """{"type":"array-processor","name":"App","is_enabled":true,"operation":{"type":"append","source":"ip","target":"ips","preserve_source":false}}""",
            """{"type":"array-processor","name":"App","enabled":true,"operation":{"type":"append","source":"ip","target":"ips","preserveSource":false}}""",
            """
              array-processor "App" {
                operation append
                source ip
                target ips
                preserve_source false
              }
            """
        },
        {
            """{"type":"pipeline","name":"Inner","is_enabled":false,"filter":{"query":"service:web"},"processors":[{"type":"service-remapper","name":"S","is_enabled":true,"sources":["app"]}]}""",
            """{"type":"pipeline","name":"Inner","enabled":false,"filter":{"query":"service:web"},"processors":[{"type":"service-remapper","name":"S","enabled":true,"sources":["app"]}]}""",
            """
              pipeline "Inner" {
                filter "service:web"
                enabled false
                service-remapper "S" {
                  sources app
                }
              }
            """
        },
        {
            """{"type":"grok-parser","name":"Parse","is_enabled":false,"source":"msg","samples":["a 1","b \"2\""],"grok":{"support_rules":"num %{integer:n}","match_rules":"r1 %{word:w} %{num}\n# a comment\nr2 %{data:d}"}}""",
            """{"type":"grok-parser","name":"Parse","enabled":false,"source":"msg","samples":["a 1","b \"2\""],"grok":{"supportRules":"num %{integer:n}\n","matchRules":"r1 %{word: w} %{num}\n# a comment\nr2   %{data:d}\n"}}""",
            """
              grok msg "Parse" {
                enabled false
                sample "a 1"
                sample "b \"2\""
                match {
                  r1 %{word:w} %{num}
                  # a comment
                  r2 %{data:d}
                }
                helpers {
                  num %{integer:n}
                }
              }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Processors))]
    public void Api_json_imports_to_the_block_and_exports_back_unchanged_and_camel_case_imports_alike(string api, string integration, string block)
    {
        var imported = ProcessorRoundTrip.Import(api);

        Assert.Equal(block.TrimEnd('\n'), ProcessorRoundTrip.Body(imported.Text));
        Assert.Empty(imported.Notes);
        var exported = ProcessorRoundTrip.FirstProcessor(imported.Text);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(api), exported), $"exported {exported.ToJsonString()}");
        Assert.Equal(block.TrimEnd('\n'), ProcessorRoundTrip.Body(ProcessorRoundTrip.Import(integration).Text));
    }

    [Fact]
    public void A_pipeline_of_processors_only_compiles_and_keeps_its_filter()
    {
        var imported = RulesTextWriterInput("""{"name":"Only remappers","filter":{"query":"source:x"},"processors":[{"type":"status-remapper","name":"S","enabled":true,"sources":["level"]}]}""");

        Assert.Contains("pipeline only_remappers \"Only remappers\" {\n  filter \"source:x\"\n  status-remapper \"S\" {", imported);
        var exported = ProcessorRoundTrip.Export(imported);
        Assert.Equal("source:x", exported["filter"]!["query"]!.GetValue<string>());
        Assert.Equal("Only remappers", exported["name"]!.GetValue<string>());
    }

    [Fact]
    public void An_unknown_processor_type_stays_a_comment_holding_its_json()
    {
        var imported = ProcessorRoundTrip.Import("""{"type":"span-id-remapper","name":"Span","is_enabled":true,"sources":["dd.span_id"]}""");

        Assert.Contains("  # {\"type\":\"span-id-remapper\",\"name\":\"Span\",\"is_enabled\":true,\"sources\":[\"dd.span_id\"]}", imported.Text);
        Assert.Contains(imported.Notes, n => n.Contains("span-id-remapper", StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_without_a_rules_form_is_kept_as_a_comment_and_exported_back()
    {
        var imported = ProcessorRoundTrip.Import("""{"type":"pipeline","name":"O","enabled":true,"ocsf":{"isOcsf":true},"filter":{"query":"a:b"},"processors":[{"type":"service-remapper","name":"S","enabled":true,"sources":["app"],"future_flag":[1,2]}]}""");

        Assert.Contains("    # not imported: \"ocsf\": {\"isOcsf\":true}", imported.Text);
        Assert.Contains("      # not imported: \"future_flag\": [1,2]", imported.Text);
        Assert.Equal(2, imported.Notes.Length);
        var nested = ProcessorRoundTrip.FirstProcessor(imported.Text);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"isOcsf":true}"""), nested["ocsf"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[1,2]"), nested["processors"]![0]!["future_flag"]));
    }

    [Fact]
    public void A_rule_grokflow_rejects_is_commented_out_with_the_reason_and_exported_back()
    {
        const string match = @"good %{word:w}\nbad (a)\\1";
        var imported = ProcessorRoundTrip.Import($$$"""{"type":"grok-parser","name":"P","enabled":true,"source":"message","grok":{"support_rules":"","match_rules":"{{{match}}}"}}""");

        var dropped = Assert.Single(imported.DroppedRules);
        Assert.Contains("GF0011", dropped);
        Assert.Contains("      # not imported: GF0011 ", imported.Text);
        var exported = ProcessorRoundTrip.FirstProcessor(imported.Text);
        Assert.Equal("good %{word:w}\nbad (a)\\1", exported["grok"]!["match_rules"]!.GetValue<string>());
    }

    [Fact]
    public void A_rules_trailing_white_space_is_kept_as_part_of_its_pattern_and_exported_back()
    {
        const string support = "hdr <%{integer:p}> - ";
        var imported = ProcessorRoundTrip.Import($$$"""{"type":"grok-parser","name":"P","enabled":true,"source":"message","grok":{"support_rules":"{{{support}}}","match_rules":"r (%{hdr}|)X %{word:w}"}}""");

        Assert.Contains("hdr <%{integer:p}> -[ ]", imported.Text);
        var pipeline = GrokFlow.Tooling.Interpretation.RulesInterpreter.Load(imported.Text).Pipelines[0];
        var document = new GrokFlow.Engine.Processing.EventDocument();
        document.MergeObject("""{"message":"<5> - X hi"}"""u8);
        pipeline.Process(document, new GrokFlow.Engine.Pipelines.ParseContext(new GrokFlow.Tests.TestSupport.FixedClock(DateTimeOffset.UnixEpoch)));
        var p = document.Find(new GrokFlow.Engine.Processing.AttributePath("p"));
        Assert.True(p >= 0 && document.TryGetDouble(p, out var value) && value == 5);
        var exported = ProcessorRoundTrip.FirstProcessor(imported.Text);
        Assert.Equal(support, exported["grok"]!["support_rules"]!.GetValue<string>());
    }

    [Fact]
    public void A_processor_missing_a_required_setting_is_commented_out_whole()
    {
        var imported = ProcessorRoundTrip.Import("""{"type":"arithmetic-processor","name":"A","enabled":true,"target":"x"},{"type":"service-remapper","name":"S","enabled":true,"sources":["app"]}""");

        Assert.Contains("  # not imported: GF0016 ", imported.Text);
        Assert.Contains("    # not imported: target x", imported.Text);
        Assert.Single(imported.DroppedRules);
        Assert.Equal("service-remapper", ProcessorRoundTrip.FirstProcessor(imported.Text)["type"]!.GetValue<string>());
    }

    private static string RulesTextWriterInput(string pipelineJson) =>
        GrokFlow.Tooling.Import.RulesTextWriter.Write(GrokFlow.Tooling.Import.DatadogPipelineReader.Read(pipelineJson));
}
