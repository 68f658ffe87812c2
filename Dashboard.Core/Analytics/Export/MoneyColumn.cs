namespace Dashboard.Core.Analytics.Export;

/// <summary>Money with 2 decimals (decimal(18, 2)); null where the store has no amount.</summary>
public sealed record MoneyColumn(string Name, decimal?[] Values) : DataTableColumn(Name)
{
    public const int Precision = 18;
    public const int Scale = 2;
}
