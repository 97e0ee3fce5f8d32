namespace GrokFlow.Engine.Processing;

/// <summary>The JSON kind of a node of an <see cref="EventDocument"/>.</summary>
public enum EventValueKind : byte { Object, Array, String, Number, True, False, Null }
