using GrokFlow.Engine.Values.Structured.UserAgent;

namespace GrokFlow.Tests.Processing;

/// <summary>What every match of a ua-parser regex contains, read conservatively from its pattern.</summary>
public sealed class UserAgentRequiredLiteralsTests
{
    [Theory]
    [InlineData(@"(Firefox)/(\d+)\.(\d+)", false, "Firefox/")]
    [InlineData(@"(?:Mobile Safari).*(OPR)/(\d+)", false, "Mobile Safari & OPR/")]
    [InlineData(@"Chrome/(\d+)|CriOS/(\d+)", false, "Chrome/|CriOS/")]
    [InlineData(@"(Chrome|CriOS)/(\d+)", false, "Chrome|CriOS")]
    [InlineData(@"(?:Bot|Yeti)-Mobile", false, "-Mobile & Bot|Yeti")]
    [InlineData(@"(ab|c.d)", false, "ab|c")]
    [InlineData(@"^.{0,100}(bot|[Cc]rawl|^NING|\bYeti(?:-[a-z]{1,30}|))", false, "i:bot|crawl|ning|yeti")]
    [InlineData(@"(a|b\d|)x", false, "x")]
    [InlineData(@"(a|\x41)", false, "")]
    [InlineData(@"(SPIDER|Bot)", true, "i:spider|bot")]
    [InlineData(@"[Ss][Pp][Ii][Dd][Ee][Rr]|[Ss]crape", false, "i:spider|scrape")]
    [InlineData(@"[sx]pider", false, "pider")]
    [InlineData(@"(?:Windows )?Phone OS", false, "Phone OS")]
    [InlineData(@"Mc(?:intosh)?\(xy", false, "(xy & Mc")]
    [InlineData(@"Versions?/(\d+)", false, "Version")]
    [InlineData(@"Silk-Accelerated=[a-z]{4,5}", false, "Silk-Accelerated=")]
    [InlineData(@"Kin\.(One|Two)", false, "Kin. & One|Two")]
    [InlineData(@"a{0,3}bcd", false, "bcd")]
    [InlineData(@"xy{2}z", false, "x")]
    [InlineData(@"ab*cd", false, "cd")]
    [InlineData(@"abc+d", false, "ab")]
    [InlineData(@"(ab)+cde", false, "cde & ab")]
    [InlineData(@"(?:HTC|)Desire", false, "Desire")]
    [InlineData(@"\bSonyEricsson\b", false, "SonyEricsson")]
    [InlineData(@"\d+\s\w+ [^)]+ toolkit", false, " toolkit")]
    [InlineData(@"[Kk]indle/", false, "i:kindle/")]
    [InlineData(@"KINDLE Fire", true, "i:kindle fire")]
    [InlineData(@"Kelvin\u212Awatt", true, "i:kelvin & i:watt")]
    [InlineData(@"\x41BCDE", false, "")]
    [InlineData(@"(?i)ipad", false, "")]
    [InlineData(@"(a)\1", false, "")]
    [InlineData(@"Foo(?=Bar)", false, "Foo")]
    [InlineData(@"[abc-[b]]cd", false, "")]
    [InlineData(@"ab??cd", false, "cd")]
    public void Reads_what_every_match_contains(string pattern, bool ignoreCase, string expected)
    {
        var unescaped = pattern.Replace(@"\u212A", "\u212A");
        var requirements = RequiredLiterals.Of(unescaped, ignoreCase);
        Assert.Equal(expected, string.Join(" & ", requirements.Select(r => (r.IgnoreCase ? "i:" : "") + string.Join('|', r.AnyOf))));
    }

    [Fact]
    public void Most_regexes_of_the_database_have_a_literal()
    {
        var sections = new[] { UapRegexes.Instance.UserAgents, UapRegexes.Instance.Systems, UapRegexes.Instance.Devices };
        var total = sections.Sum(s => s.Parsers.Count);
        Assert.Equal(1175, total);   // uap-core 0.18.0, the count docs/benchmarks.md and docs/processors.md state
        var withLiteral = sections.Sum(s => s.Requirements.Count(r => r.Count > 0));
        // Without literals for most regexes the prefilter would save little (uap-core 0.18.0: see docs/benchmarks.md).
        Assert.True(withLiteral * 10 >= total * 9, $"{withLiteral} of {total} regexes have a literal");
    }
}
