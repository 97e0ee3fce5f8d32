using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Values.Structured;
using GrokFlow.Language.Model;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// <see cref="ValueTree.MergeMembersInto"/> against its oracle, the JSON round trip it replaces: the tree written
/// by <see cref="ValueTree.WriteMembers"/> and merged with <see cref="EventDocument.MergeObject"/>, into a document
/// that already holds members the tree's members merge into or replace.
/// </summary>
public sealed class TreeIntoDocumentTests
{
    private const string Existing = """{"message":"m","target":{"keep":1,"a":{"x":"old"},"s":"old","arr":[1]},"other":true}""";

    public static TheoryData<string, string> Inputs() => new()
    {
        { "json", """{"a":{"y":2,"z":[1,{"b":null},[],{}]},"s":{"t":"u"},"arr":"v","n":null,"e":{},"f":1.50,"g":-0,"h":1e3,"i":"caf\u00e9 \"q\" \\ \u0001"}""" },
        { "json", """{"a":1,"a":{"x":2},"deep":{"d":{"d":{"d":{"d":[[[[{"k":"v"}]]]]}}}},"t":true,"u":false,"emptyarr":[],"nulls":[null,null]}""" },
        { "json", """{"keep":{"nested":"replaces a number"},"s":["x",1,true]}""" },
        { "json", string.Concat(Enumerable.Repeat("{\"a\":", 62)) + "[1,{\"b\":2}]" + new string('}', 62) },
        { "json", string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64) },
        { "keyvalue", "a=1 b=two a=3 s=new c.d=4 c.e=x empty= q=\"quoted value\"" },
        { "querystring", "?a=1&a=2&b=&c=%C3%A9&d=%zz&s=x&s.t=y" },
        { "url", "https://user:pw@h.example.org:8443/p/a%20th;x?q=1&q=2&r=%41#frag" },
        { "url", "/datadoghq/company?test=var1%20Pl" },
        { "url", "http://[::1]:80/x/?a&b=&a=%ZZ" },
        { "useragent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.87 Safari/537.36" },
        { "useragent", "curl/7.68.0" },
        { "xml", "<a x=\"1\"><b>t</b><b>u</b><c/></a>" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Gives_the_document_the_JSON_round_trip_gives(string filter, string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        Assert.Equal(ThroughJson(filter, input), Straight(filter, input));
    }

    [Fact]
    public void Invalid_UTF8_text_is_repaired_as_the_writer_repairs_it()
    {
        var input = "k=\u00ff\u00fe v=ok"u8.ToArray().Concat(new byte[] { (byte)' ', (byte)'z', (byte)'=', 0xC3, 0x28 }).ToArray();
        Assert.Equal(ThroughJson("keyvalue", input), Straight("keyvalue", input));
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void A_tree_deeper_than_64_levels_is_left_to_JSON(int levels, bool straight)
    {
        var tree = new ValueTree();
        var root = tree.NewObject();
        var obj = root;
        var member = tree.Member(obj, "a"u8);
        for (var level = 2; level <= levels; level++) member = tree.Member(tree.ChildrenOf(member), "a"u8);
        tree.AddValue(member, tree.NewScalar(OutputValue.FromInteger(1)));
        Assert.Equal(straight, tree.CanMergeStraight(root));
    }

    private static FilterModel Filter(string name) => name switch
    {
        "json" => new JsonFilter(),
        "keyvalue" => new KeyValueFilter("=", "", "", ""),
        "querystring" => new QueryStringFilter(),
        "url" => new UrlFilter(),
        "useragent" => new UserAgentFilter(false),
        _ => new XmlFilter(),
    };

    private static string Straight(string filter, byte[] input) => Run(filter, input, (tree, parsed, document, target, workspace) =>
    {
        Assert.True(tree.CanMergeStraight(parsed));
        tree.MergeMembersInto(parsed, document, target, input, workspace);
    });

    private static string ThroughJson(string filter, byte[] input) => Run(filter, input, (tree, parsed, document, target, workspace) =>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(buffer))
        {
            writer.WriteStartObject();
            tree.WriteMembers(parsed, new TreeWriteContext(writer, input, workspace));
            writer.WriteEndObject();
        }
        document.MergeObject(buffer.WrittenSpan, target);
    });

    private delegate void Merge(ValueTree tree, int parsed, EventDocument document, int target, OutputWorkspace workspace);

    private static string Run(string filter, byte[] input, Merge merge)
    {
        var workspace = new OutputWorkspace();
        workspace.Begin(OutputPlan.Create([]));
        var tree = workspace.Tree;
        tree.Clear();
        var parsed = StructuredConverter.Apply(FilterPlan.Create(Filter(filter)), new FilterText(input, inWorkspace: false, 0), tree, workspace);
        Assert.True(parsed >= 0 && tree.Kind(parsed) == TreeNodeKind.Object, "the filter gives an object");
        var document = new EventDocument();
        document.MergeObject(Encoding.UTF8.GetBytes(Existing));
        merge(tree, parsed, document, document.Find(new AttributePath("target")), workspace);
        var output = new ArrayBufferWriter<byte>();
        using (var writer = NewWriter(output)) document.WriteValue(writer, EventDocument.Root);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static Utf8JsonWriter NewWriter(ArrayBufferWriter<byte> buffer) =>
        new(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
}
