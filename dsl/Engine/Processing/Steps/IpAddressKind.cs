namespace GrokFlow.Engine.Processing.Steps;

/// <summary>What the geo-IP parser makes of a source's text.</summary>
public enum IpAddressKind
{
    /// <summary>Not an IP address (Datadog writes <c>{"invalidAddress": text}</c>).</summary>
    Invalid,

    /// <summary>Private, loopback, link-local, multicast or otherwise not routed on the internet: never located.</summary>
    NotPublic,

    /// <summary>An address a geo-IP database may know.</summary>
    Public,
}
