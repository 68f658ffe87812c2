namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Typed columns of rows to hand over (Parquet, Arrow): the export's one model, built from a frame's selected rows
/// and written by <see cref="ParquetExport"/> and <see cref="ArrowExport"/>. Formula-injection escaping is for CSV
/// only: these formats carry typed values, so text goes out as it is stored.
/// </summary>
public sealed record DataTable(int Rows, IReadOnlyList<DataTableColumn> Columns);

public abstract record DataTableColumn(string Name);

/// <summary>Free text (null allowed).</summary>
public sealed record TextColumn(string Name, string?[] Values) : DataTableColumn(Name);

/// <summary>A dictionary-coded text column: <c>Codes[i]</c> indexes <see cref="Names"/>; a negative code is null.</summary>
public sealed record CodedTextColumn(string Name, short[] Codes, IReadOnlyList<string> Names) : DataTableColumn(Name);

public sealed record DateColumn(string Name, DateOnly[] Values) : DataTableColumn(Name);

public sealed record Int32Column(string Name, int[] Values) : DataTableColumn(Name);

public sealed record Int64Column(string Name, long?[] Values) : DataTableColumn(Name);

public sealed record BooleanColumn(string Name, bool[] Values) : DataTableColumn(Name);

/// <summary>Money with 2 decimals (decimal(18, 2)); null where the store has no amount.</summary>
public sealed record MoneyColumn(string Name, decimal?[] Values) : DataTableColumn(Name)
{
    public const int Precision = 18;
    public const int Scale = 2;
}
