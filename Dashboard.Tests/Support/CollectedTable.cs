using Dashboard.Core.Analytics.Export;

namespace Dashboard.Tests.Support;

/// <summary>
/// A download written into memory: every batch an export hands over, joined into one <see cref="DataTable"/> (the
/// batches' buffers copied, since an export reuses them), and how many batches there were.
/// </summary>
public sealed class CollectedTable : ITableWriter
{
    private readonly List<DataTable> _batches = [];

    public int Batches => _batches.Count;

    public bool Completed { get; private set; }

    public Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
    {
        _batches.Add(new DataTable(batch.Rows, batch.Columns.Select(c => Copy(c, batch.Rows)).ToList()));
        return Task.CompletedTask;
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return Task.CompletedTask;
    }

    /// <summary>The rows of every batch, in the order written.</summary>
    public DataTable Table()
    {
        var first = _batches[0];
        var columns = Enumerable.Range(0, first.Columns.Count).Select(c => Join(_batches.Select(b => b.Columns[c]).ToList())).ToList();
        return new DataTable(_batches.Sum(b => b.Rows), columns);
    }

    public static async Task<DataTable> OfAsync(Func<ITableWriter, Task> write)
    {
        var collected = new CollectedTable();
        await write(collected);
        return collected.Table();
    }

    private static DataTableColumn Copy(DataTableColumn column, int rows) => column switch
    {
        TextColumn t => t with { Values = t.Values[..rows] },
        CodedTextColumn t => t with { Codes = t.Codes[..rows] },
        DateColumn d => d with { Values = d.Values[..rows] },
        Int32Column i => i with { Values = i.Values[..rows] },
        Int64Column i => i with { Values = i.Values[..rows] },
        BooleanColumn b => b with { Values = b.Values[..rows] },
        MoneyColumn m => m with { Values = m.Values[..rows] },
        _ => throw new NotSupportedException(column.GetType().Name),
    };

    private static DataTableColumn Join(List<DataTableColumn> parts) => parts[0] switch
    {
        TextColumn t => t with { Values = [.. parts.Cast<TextColumn>().SelectMany(p => p.Values)] },
        CodedTextColumn t => t with { Codes = [.. parts.Cast<CodedTextColumn>().SelectMany(p => p.Codes)] },
        DateColumn d => d with { Values = [.. parts.Cast<DateColumn>().SelectMany(p => p.Values)] },
        Int32Column i => i with { Values = [.. parts.Cast<Int32Column>().SelectMany(p => p.Values)] },
        Int64Column i => i with { Values = [.. parts.Cast<Int64Column>().SelectMany(p => p.Values)] },
        BooleanColumn b => b with { Values = [.. parts.Cast<BooleanColumn>().SelectMany(p => p.Values)] },
        MoneyColumn m => m with { Values = [.. parts.Cast<MoneyColumn>().SelectMany(p => p.Values)] },
        _ => throw new NotSupportedException(parts[0].GetType().Name),
    };
}
