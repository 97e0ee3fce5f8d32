namespace GrokFlow.Language.Diagnostics;

/// <summary>The stable codes of grok diagnostics. Never renumber: users search for them. NetFlow uses GF0100-GF0199.</summary>
public static class DiagnosticCodes
{
    /// <summary>The .rules file does not follow the grammar.</summary>
    public const string Syntax = "GF0001";
    /// <summary>A <c>%{...}</c> token is malformed.</summary>
    public const string BadToken = "GF0002";
    /// <summary>The raw regular expression between tokens is invalid.</summary>
    public const string BadRegex = "GF0003";
    /// <summary>A token names no matcher, helper, earlier rule or built-in pattern.</summary>
    public const string UnknownMatcher = "GF0004";
    /// <summary>A filter name is unknown.</summary>
    public const string UnknownFilter = "GF0005";
    /// <summary>A matcher or filter got arguments it does not accept.</summary>
    public const string BadArguments = "GF0006";
    /// <summary>Helpers or rules reference each other in a circle (or a rule references itself).</summary>
    public const string CircularReference = "GF0007";
    /// <summary>The pattern of a <c>date(...)</c> matcher or its time zone is invalid.</summary>
    public const string BadDate = "GF0008";
    /// <summary>Two rules, helpers or pipelines share a name.</summary>
    public const string DuplicateName = "GF0009";
    /// <summary>The regex of a <c>regex("...")</c> matcher is invalid.</summary>
    public const string BadMatcherRegex = "GF0010";
    /// <summary>A construct that is recognised but not supported (yet).</summary>
    public const string Unsupported = "GF0011";
    // GF0012 (a reference to a match rule defined below) is retired: Datadog's engine accepts such references.
    /// <summary>A pipeline has no grok parser or a grok parser has no match rule.</summary>
    public const string EmptyParser = "GF0013";
    /// <summary>A processor block names a type grokflow does not know.</summary>
    public const string UnknownProcessor = "GF0014";
    /// <summary>A processor setting is unknown, repeated, or has a value of the wrong form.</summary>
    public const string BadSetting = "GF0015";
    /// <summary>A processor lacks a setting it needs.</summary>
    public const string MissingSetting = "GF0016";
    /// <summary>An arithmetic expression or string-builder template is invalid.</summary>
    public const string BadExpression = "GF0017";
    /// <summary>A pipeline <c>filter</c> (or another search query) is not a readable search query.</summary>
    public const string BadFilter = "GF0018";
}
