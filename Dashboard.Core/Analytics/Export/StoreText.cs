using System.Data.Common;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// Reads what a frame does not keep (free text such as order IDs) for a batch of a frame's selected rows, by store row
/// id, inside the read transaction whose store change count the caller has checked against the frame's: a download never
/// mixes two versions of the data (<see cref="Frames.FrameCache{TFrame}.ReadAsync"/> retries with a new frame when the
/// count differs). The ids are looked up a few hundred at a time, so that a batch costs the same whatever the store's size.
/// </summary>
internal sealed class StoreText : IAsyncDisposable
{
    private const int IdsPerQuery = 500;

    private readonly DbCommand _command;
    private readonly Dictionary<long, int> _positions = [];

    /// <summary>A reader for <c>{selectWhere} id IN (…)</c>: the query up to its condition on <c>id</c>, its first column the row id.</summary>
    public StoreText(DbConnection connection, DbTransaction transaction, string selectWhere)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"{selectWhere} id IN ({string.Join(", ", Enumerable.Range(0, IdsPerQuery).Select(i => $"@i{i}"))});";
        for (var i = 0; i < IdsPerQuery; i++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@i{i}";
            parameter.Value = -1L;
            _command.Parameters.Add(parameter);
        }
    }

    /// <summary>Hands each row of <paramref name="ids"/> to <paramref name="read"/> with its position in <paramref name="ids"/>.</summary>
    public async Task ReadAsync(ReadOnlyMemory<int> ids, Action<DbDataReader, int> read, CancellationToken cancellationToken)
    {
        for (var start = 0; start < ids.Length; start += IdsPerQuery)
        {
            var part = ids.Slice(start, Math.Min(IdsPerQuery, ids.Length - start));
            _positions.Clear();
            for (var i = 0; i < IdsPerQuery; i++)
            {
                var id = i < part.Length ? part.Span[i] : -1L;
                _command.Parameters[i].Value = id;
                if (i < part.Length)
                {
                    _positions[id] = start + i;
                }
            }
            var found = 0;
            await using (var reader = await _command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    read(reader, _positions[reader.GetInt64(0)]);
                    found++;
                }
            }
            if (found != part.Length)
            {
                throw new InvalidOperationException("Rows changed inside a read transaction.");
            }
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
