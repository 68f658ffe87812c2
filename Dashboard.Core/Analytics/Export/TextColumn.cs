namespace Dashboard.Core.Analytics.Export;

/// <summary>Free text (null allowed).</summary>
public sealed record TextColumn(string Name, string?[] Values) : DataTableColumn(Name);
