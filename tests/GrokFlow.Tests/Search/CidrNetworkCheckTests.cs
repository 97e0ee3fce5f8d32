using GrokFlow.Engine.Search;
using GrokFlow.Language.Search;

namespace GrokFlow.Tests.Search;

/// <summary>
/// The build-time check of a <c>CIDR(...)</c> network (<see cref="IpNetworkText"/>, the BCL's reader with the engine's
/// rules around it) must accept exactly what the engine's own reader (<see cref="CidrBlock"/>) reads at run time.
/// </summary>
public sealed class CidrNetworkCheckTests
{
    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("010.001.0.255", true)]
    [InlineData("10.1", false)]
    [InlineData("0x0A.0.0.1", false)]
    [InlineData("256.0.0.0", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("fc00::/7", true)]
    [InlineData("::ffff:10.1.2.3/128", true)]
    [InlineData("::ffff:10.1.2", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("[::1]", false)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1::2::3", false)]
    [InlineData("::/129", false)]
    [InlineData("10.0.0.0/+8", false)]
    public void BothReadersAgreeOnWrittenNetworks(string text, bool isNetwork)
    {
        Assert.Equal(isNetwork, IpNetworkText.IsNetwork(text));
        Assert.Equal(isNetwork, CidrBlock.TryParse(text) is not null);
    }

    [Fact]
    public void BothReadersAgreeOnGeneratedText()
    {
        // Pieces that networks are made of, glued at random (fixed seed): most results are near misses.
        string[] pieces = ["0", "1", "00", "010", "255", "256", "ff", "FFFF", "fffff", "a", "g", ".", ".", ":", ":", "::", "/", "/0", "/8", "/32", "/128", " ", "%1", "-"];
        var random = new Random(9);
        var disagreements = new List<string>();
        var networks = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => pieces[random.Next(pieces.Length)]));
            var engine = CidrBlock.TryParse(text) is not null;
            if (IpNetworkText.IsNetwork(text) != engine) disagreements.Add(text);
            if (engine) networks++;
        }
        Assert.Empty(disagreements.Distinct().Take(20));
        Assert.True(networks > 1_000, $"only {networks} generated texts were networks");
    }
}
