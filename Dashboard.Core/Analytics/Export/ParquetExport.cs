using Parquet;
using Parquet.Schema;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download as Parquet (Parquet.Net), one row group a batch: dates as DATE, money as DECIMAL(18,2), text
/// dictionary-encoded by the writer.
/// </summary>
public sealed class ParquetExport(Stream output) : ITableWriter
{
    public const string ContentType = "application/vnd.apache.parquet";

    private ParquetWriter? _writer;
    private List<DataField> _fields = [];
    private DataTable? _first;
    private bool _wroteRows;

    public async Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _fields = batch.Columns.Select(FieldOf).ToList();
            _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), output, cancellationToken: cancellationToken);
            _first = batch with { Rows = 0 };
        }
        if (batch.Rows > 0)
        {
            await WriteGroupAsync(batch, cancellationToken);
            _wroteRows = true;
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_writer is null || _first is null)
        {
            throw new InvalidOperationException("A download hands at least one batch, so that its file has its columns.");
        }
        if (!_wroteRows)
        {
            // At least one row group, so that an empty selection is still a valid file with its schema.
            await WriteGroupAsync(_first, cancellationToken);
        }
        await _writer.DisposeAsync();
    }

    private async Task WriteGroupAsync(DataTable batch, CancellationToken cancellationToken)
    {
        using var group = _writer!.CreateRowGroup();
        var rows = batch.Rows;
        for (var c = 0; c < _fields.Count; c++)
        {
            var field = _fields[c];
            switch (batch.Columns[c])
            {
                case TextColumn t:
                    await group.WriteAsync(field, new ArraySegment<string>(t.Values!, 0, rows));
                    break;
                case CodedTextColumn t:
                    var text = new string?[rows];
                    for (var i = 0; i < rows; i++)
                    {
                        var code = t.Codes[i];
                        text[i] = code < 0 ? null : t.Names[code];
                    }
                    await group.WriteAsync(field, (IReadOnlyCollection<string>)text!);
                    break;
                case DateColumn d:
                    await group.WriteAsync<DateOnly>(field, d.Values.AsMemory(0, rows), cancellationToken: cancellationToken);
                    break;
                case Int32Column i32:
                    await group.WriteAsync<int>(field, i32.Values.AsMemory(0, rows), cancellationToken: cancellationToken);
                    break;
                case Int64Column i64:
                    await group.WriteAsync<long>(field, i64.Values.AsMemory(0, rows), cancellationToken: cancellationToken);
                    break;
                case BooleanColumn b:
                    await group.WriteAsync<bool>(field, b.Values.AsMemory(0, rows), cancellationToken: cancellationToken);
                    break;
                case MoneyColumn m:
                    await group.WriteAsync<decimal>(field, m.Values.AsMemory(0, rows), cancellationToken: cancellationToken);
                    break;
                default:
                    throw new NotSupportedException(batch.Columns[c].GetType().Name);
            }
        }
    }

    private static DataField FieldOf(DataTableColumn column) => column switch
    {
        TextColumn or CodedTextColumn => new DataField<string>(column.Name, true),
        DateColumn => new DataField<DateOnly>(column.Name, false),
        Int32Column => new DataField<int>(column.Name, false),
        Int64Column => new DataField<long?>(column.Name, true),
        BooleanColumn => new DataField<bool>(column.Name, false),
        MoneyColumn => new DecimalDataField(column.Name, MoneyColumn.Precision, MoneyColumn.Scale, forceByteArrayEncoding: false, isNullable: true),
        _ => throw new NotSupportedException(column.GetType().Name),
    };
}
