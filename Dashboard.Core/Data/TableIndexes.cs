using System.Data.Common;

namespace Dashboard.Core.Data;

/// <summary>
/// Drops a table's indexes and builds them again from their own stored definitions, so that a first bulk load
/// builds each index once, sorted, instead of maintaining it row by row. Both happen inside the caller's
/// transaction: readers never see the table without its indexes. The definitions come from the store's catalogue
/// (<c>definitionsSql</c>: a name and a <c>CREATE INDEX</c> a row, <c>@table</c> the table; the primary key stays).
/// Indexes whose existence another part settles after the load (the large store's, <see cref="Orders.LargeStoreUpkeep"/>)
/// are dropped and left to it.
/// </summary>
internal sealed class TableIndexes
{
    private readonly IReadOnlyList<string> _definitions;

    private TableIndexes(IReadOnlyList<string> definitions) => _definitions = definitions;

    /// <summary>
    /// Drops the indexes of <paramref name="table"/> when it holds no rows; null when it does. Those named in
    /// <paramref name="settledAfter"/> are not built again by <see cref="Rebuild"/>.
    /// </summary>
    public static TableIndexes? DropIfEmpty(DbConnection connection, DbTransaction transaction, string table, string definitionsSql,
        IEnumerable<string>? settledAfter = null)
    {
        if (Scalar(connection, transaction, $"SELECT EXISTS (SELECT 1 FROM {table});") is 1L or true)
        {
            return null;
        }
        var definitions = Read(connection, transaction, table, definitionsSql);
        foreach (var (name, _) in definitions)
        {
            Scalar(connection, transaction, $"DROP INDEX \"{name}\";");
        }
        var left = new HashSet<string>(settledAfter ?? [], StringComparer.Ordinal);
        return new TableIndexes(definitions.Where(d => !left.Contains(d.Name)).Select(d => d.Sql).ToList());
    }

    /// <summary>The indexes of <paramref name="table"/> the store's catalogue lists: a name and its <c>CREATE INDEX</c> each.</summary>
    public static List<(string Name, string Sql)> Read(DbConnection connection, DbTransaction transaction, string table, string definitionsSql)
    {
        var definitions = new List<(string Name, string Sql)>();
        using var read = connection.Command(definitionsSql, transaction).With("@table", table);
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        return definitions;
    }

    public void Rebuild(DbConnection connection, DbTransaction transaction)
    {
        foreach (var sql in _definitions)
        {
            Scalar(connection, transaction, sql + ";");
        }
    }

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql) => connection.Scalar(sql, transaction);
}
