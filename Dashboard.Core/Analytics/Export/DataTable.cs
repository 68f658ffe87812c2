namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Typed columns of rows to hand over (Parquet, Arrow): the export's one model, built from a frame's selected rows
/// and written by <see cref="ParquetExport"/> and <see cref="ArrowExport"/>. Formula-injection escaping is for CSV
/// only: these formats carry typed values, so text goes out as it is stored.
/// </summary>
public sealed record DataTable(int Rows, IReadOnlyList<DataTableColumn> Columns);
