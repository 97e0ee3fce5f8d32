using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Processing.Steps;
using GrokFlow.Engine.Values.Structured;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// The url-parser and user-agent-parser steps write their parts straight into the document; the oracle is what the
/// filter's code gives through JSON: its tree written by <see cref="ValueTree.WriteMembers"/> and merged with
/// <see cref="EventDocument.MergeObject"/> into the emptied target, as the steps did before.
/// </summary>
public sealed class StraightParserStepTests
{
    private static readonly string[] Schemes = ["http", "HTTPS", "ftp", "a+b.c-d", "1x", ""];
    private static readonly string[] Hosts = ["example.com", "Ex.AMPLE.org", "[::1]", "h\u00e9.net", "user:pw@Host", "", "a@b@C"];
    private static readonly string[] Ports = ["", ":80", ":65535", ":65536", ":x1", ":", ":+1", ":0080"];
    private static readonly string[] Paths = ["", "/", "/a/b", "/a%20b/c;d", "/\u00fcber", "/a:b@c"];
    private static readonly string[] Keys = ["a", "b", "a.b", "A", "x.y.z", "", "%41", "k\u00e9", ".", "a.", "q"];
    private static readonly string[] Values = ["1", "", "x%20y", "a=b", "\u00e9", "?"];

    [Fact]
    public void The_url_parser_gives_the_document_the_filter_gives_through_JSON()
    {
        var random = new Random(1234);
        for (var i = 0; i < 4000; i++)
        {
            var url = Encoding.UTF8.GetBytes(RandomUrl(random));
            if (random.Next(12) == 0) url = [.. url, 0xC3, (byte)'(', (byte)'/'];
            if (random.Next(20) == 0) url = [.. url.Take(url.Length / 2), (byte)' ', .. url.Skip(url.Length / 2)];
            Assert.True(ThroughJson(new UrlFilter(), url) == Straight(Url(), url), Encoding.UTF8.GetString(url));
        }
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.87 Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", false)]
    [InlineData("Googlebot/2.1 (+http://www.google.com/bot.html)", false)]
    [InlineData("curl/7.68.0", false)]
    [InlineData("x", false)]
    [InlineData("Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+Chrome/90.0.4430.93", true)]
    [InlineData("Mozilla%2F5.0%20(Linux%3B%20Android%2010)%20Mobile", true)]
    [InlineData("%", true)]
    public void The_user_agent_parser_gives_the_document_the_filter_gives_through_JSON(string userAgent, bool encoded)
    {
        var text = Encoding.UTF8.GetBytes(userAgent);
        Assert.Equal(ThroughJson(new UserAgentFilter(encoded), text), Straight(UserAgent(encoded), text));
    }

    [Fact]
    public void An_empty_user_agent_and_a_source_that_is_no_string_change_nothing()
    {
        Assert.Equal(Unchanged(""), Straight(UserAgent(false), []));
        Assert.Equal(Unchanged(""), Straight(UserAgent(true), []));
        Assert.Equal(Unchanged(""), Straight(Url(), "not a url"u8.ToArray()));
    }

    private static string RandomUrl(Random random)
    {
        var url = new StringBuilder();
        var scheme = Schemes[random.Next(Schemes.Length)];
        if (scheme.Length > 0) url.Append(scheme).Append("://").Append(Hosts[random.Next(Hosts.Length)]).Append(Ports[random.Next(Ports.Length)]);
        url.Append(Paths[random.Next(Paths.Length)]);
        if (random.Next(3) > 0)
        {
            url.Append(random.Next(6) == 0 ? "??" : "?");
            var pairs = random.Next(random.Next(8) == 0 ? 20 : 4);
            for (var p = 0; p < pairs; p++)
            {
                if (p > 0 || random.Next(6) == 0) url.Append('&');
                url.Append(Keys[random.Next(Keys.Length)]);
                if (random.Next(8) > 0) url.Append('=').Append(Values[random.Next(Values.Length)]);
            }
        }
        if (random.Next(4) == 0) url.Append('#').Append(random.Next(3) == 0 ? "" : "fr?a=g#h");
        return url.ToString();
    }

    private static UrlParserStep Url() => new(new UrlParserModel(["src"], "target", null, null, true, 1));

    private static UserAgentParserStep UserAgent(bool encoded) => new(new UserAgentParserModel(["src"], "target", encoded, null, null, true, 1));

    private static string Straight(IStepExecutor step, byte[] source)
    {
        var context = new ParseContext();
        var document = Document(source);
        var outcome = GrokResult.NoMatch;
        step.Run(document, context, ref outcome);
        return Json(document);
    }

    private static string ThroughJson(FilterModel filter, byte[] source)
    {
        var document = Document(source);
        var workspace = new OutputWorkspace();
        workspace.Begin(OutputPlan.Create([]));
        var tree = workspace.Tree;
        tree.Clear();
        var parsed = StructuredConverter.Apply(FilterPlan.Create(filter), new FilterText(source, inWorkspace: false, 0), tree, workspace);
        if (parsed < 0 || tree.Kind(parsed) != TreeNodeKind.Object) return Json(document);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(buffer))
        {
            writer.WriteStartObject();
            tree.WriteMembers(parsed, new TreeWriteContext(writer, source, workspace));
            writer.WriteEndObject();
        }
        var target = document.GetOrCreate(new AttributePath("target"));
        document.SetObject(target);
        document.MergeObject(buffer.WrittenSpan, target);
        return Json(document);
    }

    private static string Unchanged(string source) => Json(Document(Encoding.UTF8.GetBytes(source)));

    // A target that is there already (replaced), members before and after it.
    private static EventDocument Document(byte[] source)
    {
        var document = new EventDocument();
        document.MergeObject("""{"before":1,"target":{"keep":{"x":1},"host":"old"},"after":"a.b"}"""u8);
        document.SetString(document.AddMember(EventDocument.Root, "src"u8), source);
        return document;
    }

    // The source is left out: it may hold invalid UTF-8, which the writer refuses.
    private static string Json(EventDocument document)
    {
        document.Remove(document.Find(EventDocument.Root, "src"u8));
        var output = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(output)) document.WriteValue(writer, EventDocument.Root);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static Utf8JsonWriter NewWriter(ArrayBufferWriter<byte> buffer) =>
        new(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
}
