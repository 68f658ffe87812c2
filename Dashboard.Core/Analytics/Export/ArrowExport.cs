using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Writes a download as an Arrow IPC stream (Apache.Arrow), one record batch a batch: coded text as dictionary arrays
/// (Int16 indices over the frame's dictionary), dates as Date32, money as Decimal128(18, 2). Written by hand because
/// Microsoft.Data.Analysis 0.23.1's <c>ToArrowRecordBatches</c> throws on string columns.
/// </summary>
/// <remarks>
/// The stream carries each dictionary once, with the first batch, and the C# writer does not replace it: every batch of
/// a download codes its text against the same names (the whole dimension's, not the batch's), so the one dictionary
/// holds for all of them.
/// </remarks>
public sealed class ArrowExport(Stream output) : ITableWriter
{
    public const string ContentType = "application/vnd.apache.arrow.stream";

    private ArrowStreamWriter? _writer;
    private Schema? _schema;
    private DataTable? _first;
    private bool _wroteRows;

    public async Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _schema = new Schema(batch.Columns.Select(FieldOf).ToList(), null);
            _writer = new ArrowStreamWriter(output, _schema, leaveOpen: true);
            _first = batch with { Rows = 0 };
        }
        if (batch.Rows > 0)
        {
            await WriteBatchAsync(batch, cancellationToken);
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
            await WriteBatchAsync(_first, cancellationToken); // an empty selection: one empty batch, as readers expect
        }
        await _writer.WriteEndAsync(cancellationToken);
        _writer.Dispose();
    }

    private async Task WriteBatchAsync(DataTable batch, CancellationToken cancellationToken)
    {
        var arrays = batch.Columns.Select(c => ArrayOf(c, batch.Rows)).ToList();
        using var records = new RecordBatch(_schema!, arrays, batch.Rows);
        await _writer!.WriteRecordBatchAsync(records, cancellationToken);
    }

    private static Field FieldOf(DataTableColumn column) => column switch
    {
        TextColumn t => new Field(t.Name, StringType.Default, nullable: true),
        CodedTextColumn t => new Field(t.Name, DictionaryOf(), nullable: true),
        DateColumn d => new Field(d.Name, Date32Type.Default, nullable: false),
        Int32Column i => new Field(i.Name, Int32Type.Default, nullable: false),
        Int64Column i => new Field(i.Name, Int64Type.Default, nullable: true),
        BooleanColumn b => new Field(b.Name, BooleanType.Default, nullable: false),
        MoneyColumn m => new Field(m.Name, MoneyType(), nullable: true),
        _ => throw new NotSupportedException(column.GetType().Name),
    };

    private static DictionaryType DictionaryOf() => new(Int16Type.Default, StringType.Default, false);

    private static Decimal128Type MoneyType() => new(MoneyColumn.Precision, MoneyColumn.Scale);

    private static IArrowArray ArrayOf(DataTableColumn column, int rows) => column switch
    {
        TextColumn t => Text(t.Values.AsSpan(0, rows)),
        CodedTextColumn t => Coded(t.Codes.AsSpan(0, rows), t.Names),
        DateColumn d => Dates(d.Values.AsSpan(0, rows)),
        Int32Column i => Ints(i.Values.AsSpan(0, rows)),
        Int64Column i => Longs(i.Values.AsSpan(0, rows)),
        BooleanColumn b => Booleans(b.Values.AsSpan(0, rows)),
        MoneyColumn m => Money(m.Values.AsSpan(0, rows)),
        _ => throw new NotSupportedException(column.GetType().Name),
    };

    private static StringArray Text(ReadOnlySpan<string?> values)
    {
        var b = new StringArray.Builder();
        foreach (var v in values)
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
        return b.Build();
    }

    /// <summary>Indices over the whole dimension's names; a negative code is null.</summary>
    private static DictionaryArray Coded(ReadOnlySpan<short> codes, IReadOnlyList<string> names)
    {
        var dictionary = new StringArray.Builder();
        foreach (var name in names)
        {
            dictionary.Append(name);
        }
        var indices = new Int16Array.Builder().Reserve(codes.Length);
        foreach (var code in codes)
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
        return new DictionaryArray(DictionaryOf(), indices.Build(), dictionary.Build());
    }

    private static Date32Array Dates(ReadOnlySpan<DateOnly> values) => Fill(new Date32Array.Builder().Reserve(values.Length), values, (b, v) => b.Append(v)).Build();

    private static Int32Array Ints(ReadOnlySpan<int> values) => new Int32Array.Builder().Reserve(values.Length).Append(values).Build();

    private static Int64Array Longs(ReadOnlySpan<long?> values) => Fill(new Int64Array.Builder().Reserve(values.Length), values, (b, v) => b.Append(v)).Build();

    private static BooleanArray Booleans(ReadOnlySpan<bool> values) => Fill(new BooleanArray.Builder().Reserve(values.Length), values, (b, v) => b.Append(v)).Build();

    private static Decimal128Array Money(ReadOnlySpan<decimal?> values) => Fill(new Decimal128Array.Builder(MoneyType()).Reserve(values.Length), values, (b, v) =>
        {
            if (v is { } value)
                b.Append(value);
            else
                b.AppendNull();
        }).Build();

    /// <summary>Appends each of <paramref name="values"/> to <paramref name="builder"/> (reserved to their count by the caller).</summary>
    private static TBuilder Fill<TBuilder, TValue>(TBuilder builder, ReadOnlySpan<TValue> values, Action<TBuilder, TValue> append)
        where TBuilder : IArrowArrayBuilder
    {
        foreach (var v in values)
            append(builder, v);
        return builder;
    }
}
