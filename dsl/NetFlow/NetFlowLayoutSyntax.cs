namespace GrokFlow.Dsl.NetFlow;

/// <summary>A <c>netflow ID { ... }</c> block of a .rules file. (Stub: the NetFlow work defines its contents.)</summary>
public sealed record NetFlowLayoutSyntax(string Id, int Line, int Column);
