namespace GrokFlow.Engine.Search;

/// <summary>The JSON kind of an attribute value (arrays are given element by element).</summary>
public enum SearchValueKind : byte { String, Number, Boolean, Null, Object }
