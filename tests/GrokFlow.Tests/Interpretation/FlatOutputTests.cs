using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Values;
using GrokFlow.Language.Model;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Interpretation;

/// <summary>
/// Flat plans (each capture its own top-level name) written by <see cref="OutputWriter"/> on a relaxed writer, where
/// the usual members go straight into the run's buffer, against <see cref="Utf8JsonWriter"/> writing the same members
/// itself: text (escapes, text outside ASCII, invalid UTF-8 as U+FFFD, values long enough to make the run grow),
/// numbers and integers at digit-count edges, dates, empty and absent captures, short and long names; first in the
/// object, after a member the writer wrote, and after a held event run; on writers that validate and that skip
/// validation (where a run's first member is in the run too).
/// </summary>
public sealed class FlatOutputTests
{
    private static JsonWriterOptions Relaxed(bool skipValidation) =>
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = skipValidation };

    /// <summary>Where the rule's attributes go: first in the object, after a member the writer wrote, or continuing a held event run.</summary>
    private enum Place { First, AfterWriter, Held }
    private static readonly DateTimeOffset Now = new(2021, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private const string DatePattern = "MMM dd HH:mm:ss";
    private static readonly DateFormat Date = DateFormat.Compile(DatePattern, null, null, out _)!;

    private enum Kind { Text, Number, Integer, Date }

    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), "Z"u8.ToArray(), "0"u8.ToArray(), " "u8.ToArray(), "-"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(),
        "\n"u8.ToArray(), [0x01], [0x7F], "é"u8.ToArray(), "日"u8.ToArray(), "😀"u8.ToArray(), "\u2028"u8.ToArray(), [0xFF], [0xC3],
    ];

    private static readonly string[] Numbers =
    [
        "0", "7", "10", "99", "100", "12345678", "123456789", "999999999999999", "1000000000000000", "9007199254740993",
        "-0", "-5", "+5", "007", "00", "1.5", "-0.25", "1e3", "1E+2", ".5", "5.", "12a", "-", "+", "1" + new string('0', 30),
        "4294967295", "4294967296", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
    ];

    private static readonly string[] Dates = ["Jan 10 00:00:40", "Dec 31 23:59:59", "Feb 30 10:00:00", "Jan 1 00:00:00", "Mar 15 10:00:00", "Xyz 10 00:00:00"];

    private static readonly string[] Names = ["n", "user", "source_ip", "a name of exactly twenty-eight", "a much longer member name than the padded copy takes", "quote\"d", "é"];

    [Fact]
    public void FlatMembersAreWrittenAsTheWriterWritesThem()
    {
        var plain = Gen.Int[0, 6].Select(i => Pieces[i]);
        var any = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]);
        var piece = Gen.Frequency((4, plain), (1, any));
        var shortText = piece.Array[0, 40].Select(parts => parts.SelectMany(p => p).ToArray());
        var longText = Gen.Int[200, 1500].Select(piece, (n, p) => Enumerable.Repeat(p, n).SelectMany(b => b).ToArray());
        var text = Gen.Frequency((12, shortText), (1, longText));
        var number = Gen.OneOf(Numbers).Select(s => Encoding.UTF8.GetBytes(s));
        var date = Gen.OneOf(Dates).Select(s => Encoding.UTF8.GetBytes(s));
        var member = Gen.Int[0, 3].SelectMany(k => (Kind)k switch
        {
            Kind.Text => text.Select(v => (Kind.Text, v)),
            Kind.Date => date.Select(v => (Kind.Date, v)),
            var numeric => number.Select(v => (numeric, v)),
        });
        // 0: present, 1: absent (did not participate), 2: matched empty text.
        var presence = Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)));
        var members = Gen.Select(member, presence, Gen.OneOf(Names), (m, p, name) => (m.Item1, m.v, p, name)).Array[1, 12];
        Gen.Select(members, Gen.Int[0, 2], Gen.Bool).Sample(c =>
        {
            // Names are distinct in a flat plan.
            var distinct = c.Item1.Select((m, i) => m with { name = $"{m.name}{i}" }).ToArray();
            Assert.Equal(Expected(distinct, (Place)c.Item2), Written(distinct, (Place)c.Item2, c.Item3));
        }, iter: 5_000);
    }

    [Fact]
    public void QnapLikeMembersAreWrittenAsTheWriterWritesThem()
    {
        (Kind, byte[], int, string)[] members =
        [
            (Kind.Number, "30"u8.ToArray(), 0, "priority"), (Kind.Date, "Jan 10 00:01:18"u8.ToArray(), 0, "date"),
            (Kind.Text, "NAS01"u8.ToArray(), 0, "host"), (Kind.Number, "22295"u8.ToArray(), 0, "process_id"),
            (Kind.Text, "山田のPC"u8.ToArray(), 0, "computer_name"), (Kind.Text, "[User Groups] Created user group \"team-été\"."u8.ToArray(), 0, "msg"),
        ];
        foreach (var place in Enum.GetValues<Place>())
        {
            Assert.Equal(Expected(members, place), Written(members, place, skipValidation: false));
            Assert.Equal(Expected(members, place), Written(members, place, skipValidation: true));
        }
    }

    private static string Written((Kind Kind, byte[] Value, int Presence, string Name)[] members, Place place, bool skipValidation)
    {
        var input = new List<byte>();
        var slots = new int[2 * members.Length];
        var captures = ImmutableArray.CreateBuilder<CaptureModel>();
        for (var k = 0; k < members.Length; k++)
        {
            var (kind, value, presence, name) = members[k];
            slots[2 * k] = presence == 1 ? -1 : input.Count;
            if (presence == 0) input.AddRange(value);
            slots[2 * k + 1] = presence == 1 ? -1 : input.Count;
            input.Add((byte)' ');
            ValueConversion conversion = kind switch
            {
                Kind.Number => new NumericConversion(NumericKind.Number),
                Kind.Integer => new NumericConversion(NumericKind.Integer),
                Kind.Date => new DateConversion(DatePattern, null, null),
                _ => ValueConversion.Text,
            };
            captures.Add(new CaptureModel(k, [name], conversion, null, $"%{{...:{name}}}"));
        }
        var plan = OutputPlan.Create(captures.ToImmutable());
        var buffer = new ArrayBufferWriter<byte>();
        var context = new ParseContext(new FixedClock(Now));
        using (var writer = new Utf8JsonWriter(buffer, Relaxed(skipValidation)))
        {
            if (place == Place.Held)
            {
                // The host's way: the event's own members in a run held open, the rule's attributes continuing it.
                var run = JsonMemberRun.OpenObject(writer, context);
                run.Integer(new JsonMemberName("before"), 1);
                run.Hold();
                OutputWriter.Write(plan, input.ToArray(), slots, writer, context);
                JsonMemberRun.CloseObject(writer, context);
            }
            else
            {
                writer.WriteStartObject();
                if (place == Place.AfterWriter) writer.WriteString("message", "m");
                OutputWriter.Write(plan, input.ToArray(), slots, writer, context);
                writer.WriteEndObject();
            }
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The writer's own calls: text decoded by the BCL (U+FFFD for invalid UTF-8), values parsed by their definitions.</summary>
    private static string Expected((Kind Kind, byte[] Value, int Presence, string Name)[] members, Place place)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed(skipValidation: false)))
        {
            writer.WriteStartObject();
            if (place == Place.Held) writer.WriteNumber("before", 1);
            if (place == Place.AfterWriter) writer.WriteString("message", "m");
            foreach (var (kind, value, presence, name) in members)
            {
                if (presence != 0 || value.Length == 0) continue;
                switch (kind)
                {
                    case Kind.Text:
                        writer.WriteString(name, Encoding.UTF8.GetString(value));
                        break;
                    case Kind.Number when GrokNumbers.TryParseNumber(value, out var number):
                        writer.WritePropertyName(name);
                        GrokNumbers.WriteNumber(writer, number);
                        break;
                    case Kind.Integer when GrokNumbers.TryParseInteger(value, out var integer):
                        writer.WriteNumber(name, integer);
                        break;
                    case Kind.Date when Date.TryParse(value, new FixedClock(Now), out var epochMilliseconds):
                        writer.WriteNumber(name, epochMilliseconds);
                        break;
                }
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
