using GrokFlow.Engine.Values.Structured;

namespace GrokFlow.Engine.Output;

/// <summary>Applies a structured filter to a capture's text: the tree node it gives, or -1 when the filter fails.</summary>
internal static class StructuredConverter
{
    public static int Apply(FilterPlan filter, FilterText text, ValueTree tree, OutputWorkspace workspace) => filter.Kind switch
    {
        FilterKind.Json => JsonValueParser.Parse(text, tree, workspace),
        FilterKind.KeyValue => KeyValueParser.Parse(filter.KeyValue!, text, tree),
        FilterKind.QueryString => QueryStringParser.Parse(text, tree, workspace),
        FilterKind.Csv => CsvParser.Parse(filter.Csv!, text, tree, workspace),
        FilterKind.Array => Array(filter, text, tree, workspace),
        FilterKind.Xml => XmlParser.Parse(text, tree, workspace),
        FilterKind.RubyHash => RubyHashParser.Parse(text, tree, workspace),
        FilterKind.Url => UrlParser.Parse(text, tree, workspace),
        FilterKind.UserAgent => UserAgent(filter, text, tree, workspace),
        _ => -1,
    };

    /// <summary>The array filter: the elements, each through the element filter; one failing element drops the field (a <c>nullIf</c> element is a null, not a failure).</summary>
    private static int Array(FilterPlan filter, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var syntax = filter.Array!;
        var (innerStart, innerLength) = syntax.Inner(text.Span);
        if (innerLength == 0) return -1;
        var array = tree.NewArray();
        var position = innerStart;
        var end = innerStart + innerLength;
        while (true)
        {
            var next = text.Span[position..end].IndexOf(syntax.Separator);
            var length = next < 0 ? end - position : next;
            var element = Element(filter.Element, text.Sub(position, length), tree, workspace);
            if (element < 0) return -1;
            tree.Append(array, element);
            if (next < 0) return array;
            position += length + syntax.Separator.Length;
        }
    }

    private static int Element(FilterPlan filter, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var asText = text.Slice(0, text.Length);
        if (filter.Kind == FilterKind.None) return tree.NewScalar(asText);
        if (filter.IsStructured) return Apply(filter, text, tree, workspace);
        // nullIf makes a null element, kept: Datadog's results give ["ZeroFox Platform Specialist", null] for
        // `array(",", nullIf(""))` on "ZeroFox Platform Specialist,".
        if (filter.Kind == FilterKind.NullIf && GrokFlow.Engine.Values.GrokNullIf.IsNull(text.Span, filter.NullValue)) return tree.NewNull();
        if (text.Length == 0) return -1;
        var value = ValueConverter.Filter(filter, asText, text.Span, workspace);
        return value.HasValue ? tree.NewScalar(value) : -1;
    }

    private static int UserAgent(FilterPlan filter, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        if (!filter.DecodeUserAgent) return UserAgentParser.Parse(text, tree, workspace);
        var room = workspace.ReserveText(text.Length);
        var length = UserAgentParser.DecodeEncoded(text.Span, room);
        var start = workspace.CommitText(length);
        return UserAgentParser.Parse(new FilterText(workspace.Text(start, length), inWorkspace: true, start), tree, workspace);
    }
}
