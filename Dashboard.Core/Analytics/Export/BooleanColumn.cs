namespace Dashboard.Core.Analytics.Export;

public sealed record BooleanColumn(string Name, bool[] Values) : DataTableColumn(Name);
