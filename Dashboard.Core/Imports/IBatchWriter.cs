using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Imports.Formats;

namespace Dashboard.Core.Imports;

/// <summary>Writes the rows of one format inside the batch's transaction.</summary>
internal interface IBatchWriter : IDisposable
{
    /// <summary>Parses and stores one data row; returns why it was rejected, or null.</summary>
    RowError? Write(CsvRecordReader row, int rowNumber);
}
