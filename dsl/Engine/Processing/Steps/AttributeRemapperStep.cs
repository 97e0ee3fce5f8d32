using System.Buffers;
using System.Text;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>attribute-remapper</c>: the first source the event has (an attribute, or the value of a <c>key:value</c> tag)
/// is moved, or copied with <c>preserve_source</c>, to the target (an attribute, or a <c>target:value</c> tag,
/// lower-cased as Datadog writes tags). An existing target attribute is left alone unless <c>override_on_conflict</c>,
/// but the source still goes unless <c>preserve_source</c>, and so do the later sources the event also has (every
/// source is remapped, onto a target already set), as Datadog's results show. The message the log was sent with
/// (<see cref="OfficialValues.Message"/>) is not an attribute and never conflicts. A target
/// attribute is cast per <c>target_format</c>; a value the cast cannot convert keeps its type. A moved attribute's
/// parent objects left empty go with it. A target below its source (<c>logger</c> to <c>logger.name</c>, <c>event</c> to
/// <c>event.computer</c>) turns the source into the object holding its former value.
/// </summary>
public sealed class AttributeRemapperStep : IStepExecutor
{
    private readonly AttributeRemapperModel _model;
    private readonly SourcePaths _sources;
    private readonly byte[][] _sourceTags;
    private readonly AttributePath _target;
    private readonly byte[] _targetTagPrefix;
    private readonly bool[] _targetBelowSource;
    private static ReadOnlySpan<byte> StashKey => "\0grokflow.remap"u8;

    public AttributeRemapperStep(AttributeRemapperModel model)
    {
        _model = model;
        _sources = new SourcePaths(model.Sources);
        var tags = new List<byte[]>();
        foreach (var source in model.Sources) tags.Add(Encoding.UTF8.GetBytes(source));
        _sourceTags = tags.ToArray();
        _target = new AttributePath(model.Target);
        _targetTagPrefix = Encoding.UTF8.GetBytes(model.Target + ":");
        _targetBelowSource = model.Sources.Select(source => model.Target.StartsWith(source + ".", StringComparison.Ordinal)).ToArray();
    }

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (_model.SourceType == RemapKind.Tag) RemapTag(document, context);
        else RemapAttribute(document, context);
    }

    private void RemapAttribute(EventDocument document, ParseContext context)
    {
        var source = _sources.FindFirst(document, out var sourceIndex);
        if (source == EventDocument.None) return;
        if (_model.TargetType == RemapKind.Tag)
        {
            if (!WriteTag(document, context, source)) return;
            if (!_model.PreserveSource)
            {
                document.RemoveAndPrune(source);
                RemoveOtherSources(document, sourceIndex, EventDocument.None);
            }
            return;
        }
        var existing = document.Find(_target);
        if (existing == source)
        {
            Cast(document, source);
            return;
        }
        if (existing != EventDocument.None && !_model.OverrideOnConflict && !IsSentMessage(document, existing))
        {
            // The target is not written, but the sources are still removed (Datadog's results: trend micro's `cs2`
            // onto an `application_name` the grok parser set is gone).
            if (_model.PreserveSource) return;
            if (!IsWithin(document, existing, source) && !IsWithin(document, source, existing)) document.RemoveAndPrune(source);
            RemoveOtherSources(document, sourceIndex, existing);
            return;
        }
        if (IsWithin(document, existing, source)) return;
        if (existing == EventDocument.None && _targetBelowSource[sourceIndex])
        {
            var moved = MoveBelowItself(document, source);
            if (!_model.PreserveSource) RemoveOtherSources(document, sourceIndex, moved);
            return;
        }
        var target = existing != EventDocument.None ? existing : document.GetOrCreate(_target);
        document.CopyValue(source, target);
        Cast(document, target);
        if (_model.PreserveSource) return;
        if (!IsWithin(document, source, target) && !document.IsInside(target, source)) document.RemoveAndPrune(source);
        RemoveOtherSources(document, sourceIndex, target);
    }

    // Every source is remapped, in order: the first one present fills the target, the later ones conflict with it and
    // are not written, but they are still removed (Datadog's results: `OriginStatus`, `DownstreamStatus` to
    // `http.status_code` leaves neither).
    private void RemoveOtherSources(EventDocument document, int remapped, int target)
    {
        for (var i = remapped + 1; i < _sources.Count; i++)
        {
            var other = document.Find(_sources[i]);
            if (other == EventDocument.None || other == target) continue;
            if (target != EventDocument.None && (IsWithin(document, other, target) || IsWithin(document, target, other))) continue;
            document.RemoveAndPrune(other);
        }
    }

    // The message the log was sent with is the log's content, not an attribute: writing `message` does not conflict.
    private static bool IsSentMessage(EventDocument document, int node) =>
        document.Official.Message is { } sent && document.Parent(node) == EventDocument.Root
        && document.KindOf(node) == EventValueKind.String && document.KeyOf(node).SequenceEqual("message"u8)
        && document.TextOf(node).SequenceEqual(document.Stored(sent));

    // The value waits in a member of the root while the target is created below the source: a scalar source becomes
    // the object holding it; an object source, moved, keeps only the target (`event` to `event.computer`: Datadog's
    // jamf_pro result), and copied, gains it beside its members.
    private int MoveBelowItself(EventDocument document, int source)
    {
        var stash = document.AddMember(EventDocument.Root, StashKey);
        document.CopyValue(source, stash);
        if (!_model.PreserveSource) document.SetNull(source);
        var target = document.GetOrCreate(_target);
        document.CopyValue(stash, target);
        document.Remove(stash);
        Cast(document, target);
        return target;
    }

    private void RemapTag(EventDocument document, ParseContext context)
    {
        for (var i = 0; i < _sourceTags.Length; i++)
        {
            var index = document.FindTag(_sourceTags[i]);
            if (index < 0) continue;
            var value = document.Tag(index).Slice(_sourceTags[i].Length + 1);
            if (_model.TargetType == RemapKind.Tag)
            {
                var text = context.Processing.Text;
                text.ResetWrittenCount();
                ValueText.AppendLowercase(text, _targetTagPrefix);
                ValueText.AppendLowercase(text, value);
                document.AddTag(text.WrittenSpan);
            }
            else
            {
                var existing = document.Find(_target);
                if (existing != EventDocument.None && !_model.OverrideOnConflict && !IsSentMessage(document, existing)) return;
                var target = existing != EventDocument.None ? existing : document.GetOrCreate(_target);
                document.SetString(target, value);
                Cast(document, target);
            }
            if (!_model.PreserveSource) document.RemoveTag(index);
            return;
        }
    }

    private bool WriteTag(EventDocument document, ParseContext context, int source)
    {
        var text = context.Processing.Text;
        text.ResetWrittenCount();
        ValueText.AppendLowercase(text, _targetTagPrefix);
        if (!ValueText.TryGetScalar(document, source, out var value)) return false;
        ValueText.AppendLowercase(text, value);
        document.AddTag(text.WrittenSpan);
        return true;
    }

    /// <summary>Whether <paramref name="node"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    private static bool IsWithin(EventDocument document, int node, int ancestor)
    {
        for (var n = node; n != EventDocument.None; n = document.Parent(n))
        {
            if (n == ancestor) return true;
        }
        return false;
    }

    private void Cast(EventDocument document, int node)
    {
        switch (_model.Format)
        {
            case TargetFormat.String:
                CastToString(document, node);
                break;
            case TargetFormat.Integer:
                CastToInteger(document, node);
                break;
            case TargetFormat.Double:
                CastToDouble(document, node);
                break;
        }
    }

    private static void CastToString(EventDocument document, int node)
    {
        switch (document.KindOf(node))
        {
            case EventValueKind.Number:
                // The number's JSON text becomes the string; SetString copies it before replacing the node.
                document.SetString(node, document.TextOf(node));
                break;
            case EventValueKind.True:
                document.SetString(node, "true"u8);
                break;
            case EventValueKind.False:
                document.SetString(node, "false"u8);
                break;
        }
    }

    private static void CastToInteger(EventDocument document, int node)
    {
        var kind = document.KindOf(node);
        if (kind == EventValueKind.String)
        {
            var text = document.TextOf(node);
            if (GrokNumbers.TryParseInteger(text, out var integer)) document.SetInteger(node, integer);
            return;
        }
        if (kind != EventValueKind.Number || document.IsIntegerNumber(node)) return;
        if (document.TryGetDouble(node, out var value) && value is > -9.2233720368547758E18 and < 9.2233720368547758E18)
            document.SetInteger(node, (long)Math.Truncate(value));
    }

    private static void CastToDouble(EventDocument document, int node)
    {
        var kind = document.KindOf(node);
        if (kind is not (EventValueKind.String or EventValueKind.Number)) return;
        if (kind == EventValueKind.String && !GrokNumbers.TryParseNumberExt(document.TextOf(node), out _)) return;
        if (document.TryGetDouble(node, out var value) && double.IsFinite(value)) document.SetDouble(node, value);
    }
}
