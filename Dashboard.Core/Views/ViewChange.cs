namespace Dashboard.Core.Views;

/// <summary>A change to a view: each part that is not null replaces the stored one.</summary>
public sealed record ViewChange(string? Name = null, bool? Shared = null, string? Query = null);
