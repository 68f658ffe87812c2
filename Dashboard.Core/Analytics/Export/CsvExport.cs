using System.Text;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download as CSV, batch by batch: a header of the column names, then one line a row, each cell as
/// <see cref="CsvTable.Cell"/> writes it (RFC 4180 quoting, invariant culture, formula-injection safety).
/// </summary>
public sealed class CsvExport(Stream output) : ITableWriter
{
    public const string ContentType = "text/csv";

    private readonly StreamWriter _text = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true)
    {
        NewLine = "\r\n",
    };
    private bool _started;

    public async Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            await _text.WriteLineAsync(string.Join(',', batch.Columns.Select(c => CsvTable.Cell(c.Name))).AsMemory(), cancellationToken);
            _started = true;
        }
        var line = new StringBuilder();
        for (var r = 0; r < batch.Rows; r++)
        {
            line.Clear();
            for (var c = 0; c < batch.Columns.Count; c++)
            {
                line.Append(c == 0 ? "" : ",").Append(CsvTable.Cell(ValueOf(batch.Columns[c], r)));
            }
            await _text.WriteLineAsync(line, cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            throw new InvalidOperationException("A download hands at least one batch, so that its file has its columns.");
        }
        await _text.FlushAsync(cancellationToken);
        await _text.DisposeAsync();
    }

    private static object? ValueOf(DataTableColumn column, int row) => column switch
    {
        TextColumn t => t.Values[row],
        CodedTextColumn t => t.Codes[row] < 0 ? null : t.Names[t.Codes[row]],
        DateColumn d => d.Values[row],
        Int32Column i => i.Values[row],
        Int64Column i => i.Values[row],
        BooleanColumn b => b.Values[row],
        MoneyColumn m => m.Values[row],
        _ => throw new NotSupportedException(column.GetType().Name),
    };
}
