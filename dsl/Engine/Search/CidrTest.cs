
namespace GrokFlow.Engine.Search;

/// <summary><c>CIDR(target, network, ...)</c>: the value is an IP address inside one of the networks.</summary>
internal sealed class CidrTest(CidrBlock[] networks) : SearchValueTest
{
    public override bool MatchesText(ReadOnlySpan<byte> text)
    {
        Span<byte> address = stackalloc byte[16];
        if (!Utf8IpAddress.TryParse(text, address, out var length)) return false;
        foreach (var network in networks)
            if (network.Contains(address[..length])) return true;
        return false;
    }

    public override bool Matches(scoped in SearchValue value) =>
        value.Kind == SearchValueKind.String && MatchesText(value.Text);

    public override string ToString() => string.Join(", ", (object[])networks);
}
