using System.Text;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Processing;

/// <summary>How processor queries see an event document's reserved fields.</summary>
public sealed class DocumentQueryReservedFieldTests
{
    private static EventDocument Event(string json, params string[] tags)
    {
        var document = new EventDocument();
        document.MergeObject(Encoding.UTF8.GetBytes(json));
        foreach (var tag in tags) document.AddTag(Encoding.UTF8.GetBytes(tag));
        return document;
    }

    [Fact]
    public void The_source_is_the_ddsource_attribute_else_the_source_tag()
    {
        Assert.True(DocumentQueries.Compile("source:klaviyo").Matches(Event("""{"a":1}""", "source:klaviyo")));
        Assert.False(DocumentQueries.Compile("source:other").Matches(Event("""{"a":1}""", "source:klaviyo")));
        Assert.True(DocumentQueries.Compile("source:fromjson").Matches(Event("""{"ddsource":"fromjson"}""", "source:klaviyo")));
    }

    [Fact]
    public void The_service_the_log_was_sent_with_is_the_service_until_a_remapper_sets_one()
    {
        var document = Event("""{"a":1}""");
        Assert.False(DocumentQueries.Compile("service:sent").Matches(document));
        document.Official.SetSentService(document.Store("sent"u8));
        Assert.True(DocumentQueries.Compile("service:sent").Matches(document));
    }
}
