namespace GrokFlow.Tooling.Import;

/// <summary>A pipeline definition that cannot be read: not JSON, or not the shape of a Datadog pipeline.</summary>
public sealed class DatadogImportException(string message, Exception? inner = null) : Exception(message, inner);
