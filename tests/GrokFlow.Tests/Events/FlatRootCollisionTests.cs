using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.Events;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Language.Model;

namespace GrokFlow.Tests.Events;

/// <summary>
/// A flat rule's attributes against the event they join: the workspace notes a collision exactly when a member the
/// rule wrote is a reserved field or has the name of the source's object, though it decides once per plan and source
/// object whether any member could collide. Lines of more plans than it keeps answers for, alternating between source
/// objects, on one context, against that definition.
/// </summary>
public sealed class FlatRootCollisionTests
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Names = ["syslog", "action", "user", "status", "netflow", "a", "message", "host"];
    private static readonly string[] Roots = ["syslog", "netflow", "", "a"];

    [Fact]
    public void A_collision_is_noted_exactly_when_a_written_member_collides()
    {
        // Twelve plans of distinct names each: more than the workspace keeps answers for.
        var plans = Enumerable.Range(0, 12).Select(p => Names.Where((_, n) => ((p + 1) * 37 >> n & 1) == 1).DefaultIfEmpty("user").ToArray()).ToArray();
        var compiled = plans.Select(names => OutputPlan.Create([.. names.Select((name, slot) => Capture(slot, name))])).ToArray();
        var line = Gen.Select(Gen.Int[0, plans.Length - 1], Gen.Int[0, Roots.Length - 1], Gen.Int[0, 255], (plan, root, present) => (plan, root, present));
        line.Array[1, 60].Sample(lines =>
        {
            // One context for the lines of a sample (samples run in parallel): its workspace keeps its answers.
            var context = new ParseContext();
            foreach (var (plan, root, present) in lines)
            {
                var names = plans[plan];
                var written = names.Where((_, k) => (present >> k & 1) == 1).ToArray();
                context.Output.BeginEvent(Encoding.UTF8.GetBytes(Roots[root]));
                Write(compiled[plan], names, present, context);
                var collides = written.Any(name => ReservedFields.IsLeading(Encoding.UTF8.GetBytes(name)) || (Roots[root].Length > 0 && name == Roots[root]));
                Assert.True(collides == context.Output.RootCollision, $"root '{Roots[root]}', wrote {string.Join(",", written)} of {string.Join(",", names)}: noted {context.Output.RootCollision}");
                Assert.Equal(written.Length > 0 ? 1 : 0, context.Output.RootWrites);
            }
        }, iter: 500);
    }

    private static CaptureModel Capture(int slot, string name) => new(slot, [name], ValueConversion.Text, null, $"%{{data:{name}}}");

    /// <summary>The plan's members whose bit is set in <paramref name="present"/> matched <c>v</c>; the others did not participate.</summary>
    private static void Write(OutputPlan plan, string[] names, int present, ParseContext context)
    {
        var input = "v"u8.ToArray();
        var slots = new int[2 * names.Length];
        for (var k = 0; k < names.Length; k++)
            (slots[2 * k], slots[2 * k + 1]) = (present >> k & 1) == 1 ? (0, 1) : (-1, -1);
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), Relaxed);
        writer.WriteStartObject();
        OutputWriter.Write(plan, input, slots, writer, context);
        writer.WriteEndObject();
    }
}
