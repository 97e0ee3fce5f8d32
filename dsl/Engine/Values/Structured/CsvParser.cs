using GrokFlow.Engine.Output;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// The <c>csv</c> filter (grok-dialect spec section 7): one record split on the separator, a field may be quoted
/// (a doubled quote inside is one quote). Values go under the headers in order: missing values leave their keys out,
/// extra values are ignored, empty values are omitted, and integers and doubles become numbers. Fields are not trimmed.
/// A dotted header is a nested path (<c>syslog.hostname</c>), as Datadog's nagios results show.
/// </summary>
internal static class CsvParser
{
    public static int Parse(CsvSyntax syntax, FilterText text, ValueTree tree, OutputWorkspace workspace)
    {
        var obj = tree.NewObject();
        var s = text.Span;
        var position = 0;
        for (var header = 0; header < syntax.Headers.Length && position <= s.Length; header++)
        {
            OutputValue value;
            if (position < s.Length && s[position] == syntax.Quote)
            {
                value = Quoted(syntax, text, ref position, workspace);
            }
            else
            {
                var next = s[position..].IndexOf(syntax.Separator);
                var length = next < 0 ? s.Length - position : next;
                value = length == 0 ? OutputValue.None : text.Slice(position, length);
                position += length;
            }
            // Past the separator (or past the end, which ends the loop).
            position++;
            if (!value.HasValue) continue;
            var member = tree.MemberAtDottedKey(obj, syntax.Headers[header]);
            if (member >= 0) tree.AddValue(member, tree.NewScalar(Typed(value, text, workspace)));
        }
        return obj;
    }

    /// <summary>A quoted field from the opening quote to the closing one (or the end), then anything up to the separator.</summary>
    private static OutputValue Quoted(CsvSyntax syntax, FilterText text, ref int position, OutputWorkspace workspace)
    {
        var s = text.Span;
        var room = workspace.ReserveText(s.Length - position);
        var written = 0;
        var i = position + 1;
        while (i < s.Length)
        {
            if (s[i] == syntax.Quote)
            {
                if (i + 1 < s.Length && s[i + 1] == syntax.Quote)
                {
                    room[written++] = syntax.Quote;
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            room[written++] = s[i++];
        }
        // Text between the closing quote and the separator is kept, as lenient CSV readers do.
        while (i < s.Length && s[i] != syntax.Separator) room[written++] = s[i++];
        position = i;
        return written == 0 ? OutputValue.None : OutputValue.WorkspaceText(workspace.CommitText(written), written);
    }

    private static OutputValue Typed(OutputValue value, FilterText text, OutputWorkspace workspace)
    {
        var bytes = value.Kind == OutputValueKind.WorkspaceText ? workspace.Text(value.Start, value.Length) : text.Span.Slice(value.Start - text.Offset, value.Length);
        var number = LooseNumbers.TryParse(bytes);
        return number.HasValue ? number : value;
    }
}
