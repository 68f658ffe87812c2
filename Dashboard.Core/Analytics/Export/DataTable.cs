namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// A batch of rows to hand over (CSV, Parquet, Arrow) as typed columns: the exports' one model, filled from a frame's
/// selected rows or from the store's lines, and written by an <see cref="ITableWriter"/>. A column's arrays may be longer
/// than <see cref="Rows"/> (a batch's buffers are reused); only the first <see cref="Rows"/> values are rows.
/// Formula-injection escaping is for CSV only: Parquet and Arrow carry typed values, so text goes out as it is stored.
/// </summary>
public sealed record DataTable(int Rows, IReadOnlyList<DataTableColumn> Columns);
