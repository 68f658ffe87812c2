using System.Threading.Channels;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download as an Excel workbook with typed cells (docs/decisions/XXXX-rows-xlsx-export.md): dates as dates
/// (<c>yyyy-mm-dd</c>), money as numbers shown with 2 decimals, counts as numbers, flags as booleans, text as text (never a
/// formula: MiniExcel writes no formula element, so a cell starting with <c>=</c> stays text). MiniExcel pulls its rows from
/// an enumeration while the export pushes batches: the batches cross a channel of two to a writer on its own thread, so
/// that memory stays a few batches whatever the row count.
/// </summary>
public sealed class XlsxExport(Stream output) : ITableWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly Channel<Dictionary<string, object?>[]> _batches =
        Channel.CreateBounded<Dictionary<string, object?>[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private Task? _writing;

    public async Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        _writing ??= Task.Run(() => Write(batch.Columns.Select(c => c.Name).ToArray(), Configuration(batch)), CancellationToken.None);
        var rows = new Dictionary<string, object?>[batch.Rows];
        for (var r = 0; r < batch.Rows; r++)
        {
            var row = new Dictionary<string, object?>(batch.Columns.Count, StringComparer.Ordinal);
            foreach (var column in batch.Columns)
            {
                row[column.Name] = ValueOf(column, r);
            }
            rows[r] = row;
        }
        await _batches.Writer.WriteAsync(rows, cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_writing is null)
        {
            throw new InvalidOperationException("A download hands at least one batch, so that its file has its columns.");
        }
        _batches.Writer.TryComplete();
        await _writing.WaitAsync(cancellationToken);
    }

    private void Write(string[] names, OpenXmlConfiguration configuration)
    {
        try
        {
            MiniExcel.SaveAs(output, Rows(names), sheetName: "rows", excelType: ExcelType.XLSX, configuration: configuration);
        }
        catch (Exception e)
        {
            // The export's next WriteAsync throws instead of waiting for a reader that is gone.
            _batches.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>The rows as the batches arrive; a header row alone when there are none.</summary>
    private IEnumerable<IDictionary<string, object?>> Rows(string[] names)
    {
        var any = false;
        var reader = _batches.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var rows))
            {
                foreach (var row in rows)
                {
                    any = true;
                    yield return row;
                }
            }
        }
        if (!any)
        {
            yield return names.ToDictionary(n => n, object? (_) => null, StringComparer.Ordinal);
        }
    }

    private static OpenXmlConfiguration Configuration(DataTable batch) => new()
    {
        TableStyles = TableStyles.None,
        DynamicColumns = batch.Columns.Select(c => c switch
        {
            DateColumn => new DynamicExcelColumn(c.Name) { Format = "yyyy-mm-dd", Width = 12 },
            MoneyColumn => new DynamicExcelColumn(c.Name) { Format = "0.00", Width = 12 },
            _ => null,
        }).OfType<DynamicExcelColumn>().ToArray(),
    };

    private static object? ValueOf(DataTableColumn column, int row) => column switch
    {
        TextColumn t => t.Values[row],
        CodedTextColumn t => t.Codes[row] < 0 ? null : t.Names[t.Codes[row]],
        DateColumn d => d.Values[row].ToDateTime(TimeOnly.MinValue),
        Int32Column i => i.Values[row],
        Int64Column i => i.Values[row],
        BooleanColumn b => b.Values[row],
        MoneyColumn m => m.Values[row],
        _ => throw new NotSupportedException(column.GetType().Name),
    };
}
