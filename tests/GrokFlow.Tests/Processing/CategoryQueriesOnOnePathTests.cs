using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Processing.Steps;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Tests.Processing;

/// <summary>
/// A category processor whose queries all test one attribute looks the attribute up once for all of them; the
/// oracle is each category's compiled query asked in turn (what the step does for queries of different kinds).
/// </summary>
public sealed class CategoryQueriesOnOnePathTests
{
    private static readonly string[] Tests =
        ["[200 TO 299]", "[300 TO 399]", "{400 TO 499]", "[500 TO *]", "404", "abc", "a*", ">=7", "<3", "true", "[a TO c]"];

    private static readonly string[] Values =
        ["200", "299.5", "404", "\"404\"", "\"abc\"", "\"ABC\"", "\"b\"", "7", "2", "-1", "true", "null", "{}", "600", "\"x\""];

    [Fact]
    public void The_first_category_found_is_the_one_asking_each_query_in_turn_gives()
    {
        var random = new Random(77);
        var document = new EventDocument();
        var context = new ParseContext();
        for (var i = 0; i < 3000; i++)
        {
            var path = random.Next(3) == 0 ? "a" : "a.b";
            var queries = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => $"@{path}:{Tests[random.Next(Tests.Length)]}").ToArray();
            var json = RandomEvent(random);
            var step = new CategoryProcessorStep(Model(queries), DocumentQueries.Compile);
            Load(document, json);
            var expected = Array.FindIndex(queries, q => DocumentQueries.Compile(q).Matches(document));
            var outcome = default(GrokResult);
            step.Run(document, context, ref outcome);
            var target = document.Find(new AttributePath("category"));
            var found = target == EventDocument.None ? -1 : int.Parse(Encoding.UTF8.GetString(document.TextOf(target)));
            Assert.True(expected == found, $"{json} {string.Join(" | ", queries)}: expected {expected}, got {found}");
        }
    }

    private static CategoryProcessorModel Model(string[] queries) =>
        new("category", new EquatableArray<CategoryModel>(queries.Select((q, i) => new CategoryModel(i.ToString(), q)).ToImmutableArray()), null, true, 1);

    private static void Load(EventDocument document, string json)
    {
        document.Reset();
        document.MergeObject(Encoding.UTF8.GetBytes(json));
    }

    // The attribute as a number, string or other value, in arrays, under a nested object and under a flat dotted key.
    private static string RandomEvent(Random random)
    {
        string Value() => random.Next(4) == 0
            ? "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Values[random.Next(Values.Length)])) + "]"
            : Values[random.Next(Values.Length)];
        var members = new List<string>();
        if (random.Next(5) > 0) members.Add(random.Next(4) == 0 ? $"\"a\":[{{\"b\":{Value()}}},{{\"b\":{Value()}}}]" : $"\"a\":{{\"b\":{Value()},\"c\":1}}");
        if (random.Next(3) == 0) members.Add($"\"a.b\":{Value()}");
        if (random.Next(4) == 0) members.Add($"\"a\":{Value()}");
        return "{" + string.Join(",", members.OrderBy(_ => random.Next())) + "}";
    }
}
