using System.Text;
using GrokFlow.Engine.Events;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tests.Events;

/// <summary>
/// <see cref="ReservedFields.LeadingOf"/> against the names themselves: its constant words are what the document
/// keeps of each name (<see cref="EventDocument.KeyWordOf"/>), and only the six leading names are recognised.
/// </summary>
public sealed class ReservedFieldsTests
{
    public static TheoryData<string, int> Leading => new()
    {
        { "message", (int)LeadingField.Message },
        { "ddsource", (int)LeadingField.Source },
        { "service", (int)LeadingField.Service },
        { "ddtags", (int)LeadingField.Tags },
        { "hostname", (int)LeadingField.Hostname },
        { "status", (int)LeadingField.Status },
    };

    [Theory]
    [MemberData(nameof(Leading))]
    public void A_leading_name_is_recognised_from_the_word_the_document_keeps(string name, int field)
    {
        var key = Encoding.UTF8.GetBytes(name);
        Assert.Equal((LeadingField)field, ReservedFields.LeadingOf(EventDocument.KeyWordOf(key), key.Length));
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("source")]
    [InlineData("messages")]
    [InlineData("Status")]
    [InlineData("host")]
    [InlineData("statu")]
    [InlineData("")]
    public void Other_names_are_not_leading(string name)
    {
        var key = Encoding.UTF8.GetBytes(name);
        Assert.Equal(LeadingField.None, ReservedFields.LeadingOf(EventDocument.KeyWordOf(key), key.Length));
        Assert.False(ReservedFields.IsLeading(key));
    }
}
