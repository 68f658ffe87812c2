using System.Threading.Channels;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download as an Excel workbook with typed cells (docs/decisions/0030-rows-behind-the-numbers.md): dates as dates
/// (<c>yyyy-mm-dd</c>), money as numbers shown with 2 decimals, counts as numbers, flags as booleans, text as text (never a
/// formula: MiniExcel writes no formula element, so a cell starting with <c>=</c> stays text). MiniExcel pulls its rows from
/// an enumeration while the export pushes batches: a copy of each batch crosses a channel of one to a writer on its own
/// thread, so that memory stays about three batches whatever the row count.
/// </summary>
public sealed class XlsxExport(Stream output) : ITableWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most rows a sheet holds below its header (Excel's 1,048,576 rows in all).</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>Why a download of <paramref name="rows"/> rows cannot be a workbook; null when it can.</summary>
    public static string? TooManyRows(long rows) => rows > MaxRows
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{rows:N0} rows are more than an Excel sheet holds ({MaxRows:N0}): narrow the filter, or download .csv or .parquet.")
        : null;

    private long _rows;

    private readonly Channel<DataTable> _batches =
        Channel.CreateBounded<DataTable>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private Task? _writing;

    /// <summary>Hands a copy of the batch's rows to the writer (the export fills the batch's arrays again once this returns).</summary>
    public async Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        _rows += batch.Rows;
        if (TooManyRows(_rows) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        _writing ??= Task.Run(() => Write(batch.Columns.Select(c => c.Name).ToArray(), Configuration(batch)), CancellationToken.None);
        await _batches.Writer.WriteAsync(Copy(batch), cancellationToken);
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

    /// <summary>
    /// The rows as the batches arrive, each in the same dictionary (MiniExcel writes a row before it asks for the next); a
    /// header row alone when there are none.
    /// </summary>
    private IEnumerable<IDictionary<string, object?>> Rows(string[] names)
    {
        var row = names.ToDictionary(n => n, object? (_) => null, StringComparer.Ordinal);
        var any = false;
        var reader = _batches.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var batch))
            {
                for (var r = 0; r < batch.Rows; r++)
                {
                    foreach (var column in batch.Columns)
                    {
                        row[column.Name] = ValueOf(column, r);
                    }
                    any = true;
                    yield return row;
                }
            }
        }
        if (!any)
        {
            yield return row;
        }
    }

    /// <summary>The batch's rows in arrays of their own.</summary>
    private static DataTable Copy(DataTable batch) => new(batch.Rows, batch.Columns.Select(DataTableColumn (c) => c switch
    {
        TextColumn t => t with { Values = t.Values[..batch.Rows] },
        CodedTextColumn t => t with { Codes = t.Codes[..batch.Rows] },
        DateColumn d => d with { Values = d.Values[..batch.Rows] },
        Int32Column i => i with { Values = i.Values[..batch.Rows] },
        Int64Column i => i with { Values = i.Values[..batch.Rows] },
        BooleanColumn b => b with { Values = b.Values[..batch.Rows] },
        MoneyColumn m => m with { Values = m.Values[..batch.Rows] },
        DataTableColumn other => throw new NotSupportedException(other.GetType().Name),
    }).ToList());

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
