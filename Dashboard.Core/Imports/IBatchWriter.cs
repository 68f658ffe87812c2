namespace Dashboard.Core.Imports;

/// <summary>
/// Stores the parsed rows of one format inside the batch's transaction. Rows are parsed on another thread
/// and handed over in file order; the writer alone touches the database connection.
/// </summary>
internal interface IBatchWriter<in T> : IDisposable
{
    void Write(T row, int rowNumber);

    /// <summary>Finishes the batch's writes (e.g. builds indexes dropped for a first load).</summary>
    void Complete();
}
