namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// Inputs on which the fuzzer found a decoder fault, kept in FuzzRegressions/*.txt as <c>CAPTURE:HEX</c> (the seed
/// capture index of <see cref="DecoderFuzzTests"/>, -1 for none) and replayed exactly as the fuzzer decoded them.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static string RegressionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GrokFlow.Tests", "NetFlow", "FuzzRegressions");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/GrokFlow.Tests/NetFlow/FuzzRegressions not found above the test binaries");
    }

    public static TheoryData<string> Inputs => new(Directory.GetFiles(RegressionDirectory(), "*.txt").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Inputs))]
    public void FormerlyFaultingInputIsHandled(string file)
    {
        var text = File.ReadAllText(Path.Combine(RegressionDirectory(), file)).Trim();
        var colon = text.IndexOf(':');
        DecoderFuzzTests.DecodeInFreshCollector(int.Parse(text[..colon]), Convert.FromHexString(text[(colon + 1)..]));
    }
}
