namespace Dashboard.Core.Analytics.Export;

public sealed record Int32Column(string Name, int[] Values) : DataTableColumn(Name);
