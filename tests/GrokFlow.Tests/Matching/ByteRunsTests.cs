using System.Text;
using System.Text.RegularExpressions;
using GrokFlow.Engine.Matching.BuiltIns;

namespace GrokFlow.Tests.Matching;

/// <summary>
/// The class runs the built-in matchers read, against .NET's regex on the same bytes (read as Latin-1, one char per
/// byte): from every start of random lines, the length of the run the regex's first match takes.
/// </summary>
public sealed class ByteRunsTests
{
    // Runs around the inline widths (eight bytes for digits, sixteen for labels, five hex digits) and past them, bytes
    // just outside each class, and lines that end inside a run.
    private static readonly string[] Pieces =
    [
        "0", "9", "12", "255", "1234567", "12345678", "123456789", "a", "f", "F", "g", "G", "z", "Z", "abcd", "abcde",
        "ABCDEF0", "-", "_", ".", ":", "/", "@", "[", "`", "{", " ", "\0", "\x7F", "\x80", "\xFF", "\xC3\xA9", "\xC1\xE6\xB0\xB9", "\x41\x46\x47\x61\x66\x67\x2F\x3A",
        new string('w', 15), new string('w', 16), new string('w', 17), new string('7', 33), "a-b_c", "NAS01", "nas.home.lan",
    ];

    public static TheoryData<string> Classes => ["digits", "hex", "label"];

    [Theory]
    [MemberData(nameof(Classes))]
    public void Runs_are_as_long_as_the_regex_class_run(string name)
    {
        var (regex, run) = name switch
        {
            "digits" => (new Regex(@"\G[0-9]*"), (Func<byte[], int, int>)((b, p) => ByteRuns.Digits(b, p))),
            "hex" => (new Regex(@"\G[0-9A-Fa-f]{0,5}"), (b, p) => ByteRuns.ShortHex(b, p)),
            "label" => (new Regex(@"\G[0-9A-Za-z_-]*"), (b, p) => ByteRuns.Label(b, p)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var random = new Random(20261207);
        var checkedStarts = 0;
        for (var line = 0; line < 2000; line++)
        {
            var sb = new StringBuilder();
            for (int i = 0, n = random.Next(1, 7); i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            var text = sb.ToString();
            var bytes = Encoding.Latin1.GetBytes(text);
            for (var pos = 0; pos <= bytes.Length; pos++)
            {
                var expected = regex.Match(text, pos).Length;
                Assert.True(expected == run(bytes, pos), $"{name} on \"{text}\" from {pos}: expected {expected}, got {run(bytes, pos)}");
                checkedStarts++;
            }
        }
        Assert.True(checkedStarts > 20_000);
    }
}
