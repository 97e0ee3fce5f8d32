namespace GrokFlow.Engine.Search;

/// <summary>The test a query applies to each value of an attribute (see <see cref="ISearchEventFields.AnyAttributeValue"/>).</summary>
public interface ISearchValueMatcher
{
    bool Matches(scoped in SearchValue value);
}
