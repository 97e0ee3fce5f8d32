using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Events;

/// <summary>
/// The first attribute of each leading reserved name (<see cref="ReservedFields.LeadingOf"/>) in an event, or
/// <see cref="EventDocument.None"/>: found in one pass over the event's members instead of a search per name.
/// </summary>
internal readonly struct LeadingMembers
{
    public int Message { get; private init; }
    public int Source { get; private init; }
    public int Service { get; private init; }
    public int Hostname { get; private init; }
    public int Status { get; private init; }

    public static LeadingMembers Of(EventDocument document)
    {
        int message = EventDocument.None, source = EventDocument.None, service = EventDocument.None, hostname = EventDocument.None, status = EventDocument.None;
        for (var member = document.FirstChild(EventDocument.Root); member != EventDocument.None; member = document.NextSibling(member))
        {
            switch (ReservedFields.LeadingOf(document.KeyWord(member), document.KeyLength(member)))
            {
                case LeadingField.Message: KeepFirst(ref message, member); break;
                case LeadingField.Source: KeepFirst(ref source, member); break;
                case LeadingField.Service: KeepFirst(ref service, member); break;
                case LeadingField.Hostname: KeepFirst(ref hostname, member); break;
                case LeadingField.Status: KeepFirst(ref status, member); break;
            }
        }
        return new LeadingMembers { Message = message, Source = source, Service = service, Hostname = hostname, Status = status };
    }

    private static void KeepFirst(ref int first, int member)
    {
        if (first == EventDocument.None) first = member;
    }
}
