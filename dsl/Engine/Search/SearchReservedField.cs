namespace GrokFlow.Engine.Search;

/// <summary>The reserved attributes a query names without <c>@</c> (and <c>message</c>, which free text searches).</summary>
public enum SearchReservedField : byte { Service, Source, Host, Status, Message }
