using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Imports.Formats;

namespace Dashboard.Core.Imports;

internal delegate T? RowParser<T>(CsvRecordReader row, int rowNumber, out RowError? error) where T : class;
