using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a <see cref="DataTable"/> as an Arrow IPC stream (Apache.Arrow): coded text as dictionary arrays (Int16
/// indices over the frame's dictionary), dates as Date32, money as Decimal128(18, 2). Written by hand because
/// Microsoft.Data.Analysis 0.23.1's <c>ToArrowRecordBatches</c> throws on string columns.
/// </summary>
public static class ArrowExport
{
    public const string ContentType = "application/vnd.apache.arrow.stream";

    public static async Task WriteAsync(DataTable table, Stream output, CancellationToken cancellationToken = default)
    {
        var fields = new List<Field>(table.Columns.Count);
        var arrays = new List<IArrowArray>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            var (field, array) = Build(column);
            fields.Add(field);
            arrays.Add(array);
        }
        var schema = new Schema(fields, null);
        // One record batch: a dictionary is written once with the first batch, and the C# writer does not replace it.
        using var batch = new RecordBatch(schema, arrays, table.Rows);
        using var writer = new ArrowStreamWriter(output, schema, leaveOpen: true);
        await writer.WriteRecordBatchAsync(batch, cancellationToken);
        await writer.WriteEndAsync(cancellationToken);
    }

    private static (Field, IArrowArray) Build(DataTableColumn column)
    {
        switch (column)
        {
            case TextColumn t:
            {
                var b = new StringArray.Builder();
                foreach (var v in t.Values)
                {
                    if (v is null)
                    {
                        b.AppendNull();
                    }
                    else
                    {
                        b.Append(v);
                    }
                }
                return (new Field(t.Name, StringType.Default, nullable: true), b.Build());
            }
            case CodedTextColumn t:
            {
                var names = new StringArray.Builder();
                foreach (var name in t.Names)
                {
                    names.Append(name);
                }
                var indices = new Int16Array.Builder().Reserve(t.Codes.Length);
                foreach (var code in t.Codes)
                {
                    if (code < 0)
                    {
                        indices.AppendNull();
                    }
                    else
                    {
                        indices.Append(code);
                    }
                }
                var type = new DictionaryType(Int16Type.Default, StringType.Default, false);
                return (new Field(t.Name, type, nullable: true), new DictionaryArray(type, indices.Build(), names.Build()));
            }
            case DateColumn d:
            {
                var b = new Date32Array.Builder().Reserve(d.Values.Length);
                foreach (var v in d.Values)
                {
                    b.Append(v);
                }
                return (new Field(d.Name, Date32Type.Default, nullable: false), b.Build());
            }
            case Int32Column i:
                return (new Field(i.Name, Int32Type.Default, nullable: false), new Int32Array.Builder().AppendRange(i.Values).Build());
            case Int64Column i:
            {
                var b = new Int64Array.Builder().Reserve(i.Values.Length);
                foreach (var v in i.Values)
                {
                    if (v is { } value)
                    {
                        b.Append(value);
                    }
                    else
                    {
                        b.AppendNull();
                    }
                }
                return (new Field(i.Name, Int64Type.Default, nullable: true), b.Build());
            }
            case BooleanColumn bools:
            {
                var b = new BooleanArray.Builder().Reserve(bools.Values.Length);
                foreach (var v in bools.Values)
                {
                    b.Append(v);
                }
                return (new Field(bools.Name, BooleanType.Default, nullable: false), b.Build());
            }
            case MoneyColumn m:
            {
                var type = new Decimal128Type(MoneyColumn.Precision, MoneyColumn.Scale);
                var b = new Decimal128Array.Builder(type).Reserve(m.Values.Length);
                foreach (var v in m.Values)
                {
                    if (v is { } value)
                    {
                        b.Append(value);
                    }
                    else
                    {
                        b.AppendNull();
                    }
                }
                return (new Field(m.Name, type, nullable: true), b.Build());
            }
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }
}
