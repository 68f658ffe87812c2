namespace Dashboard.Core.Events;

/// <summary>A new event as a person gives it: <c>End</c> missing means a single day; empty category or state means all.</summary>
public sealed record EventInput(string? Label, DateOnly? Start, DateOnly? End = null, string? Category = null, string? State = null, bool ExcludeFromModels = false);
