namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download batch by batch as its rows are read, so that a download's memory is one batch whatever its size
/// (decision 0023). The first batch fixes the columns; every batch after it has the same columns, in the same order.
/// </summary>
public interface ITableWriter
{
    /// <summary>Writes <paramref name="batch"/>'s rows (the columns' first <see cref="DataTable.Rows"/> values).</summary>
    Task WriteAsync(DataTable batch, CancellationToken cancellationToken);

    /// <summary>Ends the file: footers, and an empty file's one empty batch so that its schema is still there.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
