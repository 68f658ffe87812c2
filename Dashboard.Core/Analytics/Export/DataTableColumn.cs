namespace Dashboard.Core.Analytics.Export;

public abstract record DataTableColumn(string Name);
