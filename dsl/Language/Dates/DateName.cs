namespace GrokFlow.Language.Dates;

/// <summary>A month, day, half-day or era name with the value it stands for; Joda-Time reads it ignoring case.</summary>
internal sealed record DateName(string Text, int Value);
