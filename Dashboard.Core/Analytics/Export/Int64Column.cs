namespace Dashboard.Core.Analytics.Export;

public sealed record Int64Column(string Name, long?[] Values) : DataTableColumn(Name);
