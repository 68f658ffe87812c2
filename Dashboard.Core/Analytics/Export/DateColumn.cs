namespace Dashboard.Core.Analytics.Export;

public sealed record DateColumn(string Name, DateOnly[] Values) : DataTableColumn(Name);
