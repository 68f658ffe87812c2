using Parquet;
using Parquet.Schema;

namespace Dashboard.Core.Analytics.Export;

/// <summary>Writes a <see cref="DataTable"/> as Parquet (Parquet.Net): dates as DATE, money as DECIMAL(18,2), text dictionary-encoded by the writer.</summary>
public static class ParquetExport
{
    public const string ContentType = "application/vnd.apache.parquet";
    private const int RowGroupRows = 262_144;

    public static async Task WriteAsync(DataTable table, Stream output, CancellationToken cancellationToken = default)
    {
        var fields = table.Columns.Select(FieldOf).ToList();
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellationToken);
        // At least one row group, so that an empty selection is still a valid file with its schema.
        for (var start = 0; start == 0 || start < table.Rows; start += RowGroupRows)
        {
            var length = Math.Min(RowGroupRows, table.Rows - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Count; c++)
            {
                var field = fields[c];
                switch (table.Columns[c])
                {
                    case TextColumn t:
                        await group.WriteAsync(field, new ArraySegment<string>(t.Values!, start, length));
                        break;
                    case CodedTextColumn t:
                        var text = new string?[length];
                        for (var i = 0; i < length; i++)
                        {
                            var code = t.Codes[start + i];
                            text[i] = code < 0 ? null : t.Names[code];
                        }
                        await group.WriteAsync(field, (IReadOnlyCollection<string>)text!);
                        break;
                    case DateColumn d:
                        await group.WriteAsync<DateOnly>(field, d.Values.AsMemory(start, length), cancellationToken: cancellationToken);
                        break;
                    case Int32Column i32:
                        await group.WriteAsync<int>(field, i32.Values.AsMemory(start, length), cancellationToken: cancellationToken);
                        break;
                    case Int64Column i64:
                        await group.WriteAsync<long>(field, i64.Values.AsMemory(start, length), cancellationToken: cancellationToken);
                        break;
                    case BooleanColumn b:
                        await group.WriteAsync<bool>(field, b.Values.AsMemory(start, length), cancellationToken: cancellationToken);
                        break;
                    case MoneyColumn m:
                        await group.WriteAsync<decimal>(field, m.Values.AsMemory(start, length), cancellationToken: cancellationToken);
                        break;
                    default:
                        throw new NotSupportedException(table.Columns[c].GetType().Name);
                }
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
