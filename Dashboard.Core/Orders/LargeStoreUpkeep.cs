using System.Data.Common;
using Dashboard.Core.Analytics;
using Dashboard.Core.Data;
using Dashboard.Core.Orders.Rollup;

namespace Dashboard.Core.Orders;

/// <summary>
/// What a store keeps only once it is large enough to read it, and keeping it across a change (decisions 0036 and 0038):
/// the daily rollup, which answers the order screens past <see cref="AnalyticsOptions.FrameMaxLines"/>, and the order
/// lines' <see cref="Indexes"/>, which serve the rows read from the store past it. Below that the frame answers and
/// neither buys anything, yet the rollup's upkeep was a fifth of an import's time and building these indexes about another
/// fifth. So both are kept only in a store of more than <see cref="KeptPastLines"/> order lines, half the frame's size:
/// the change that takes the store past that writes them whole, in its own transaction, and from then on every change
/// keeps them current. Whether a store keeps them is its own state: the rollup exactly when <c>rollup_cells</c> holds a
/// row, the indexes when the catalogue lists them; both are settled together, so they agree.
/// </summary>
public sealed class LargeStoreUpkeep(long keptPastLines)
{
    /// <summary>
    /// The order-line indexes of a large store: the rows' keyset sorts by amount and by date (decision 0035), and a
    /// category's or state's lines in date order. The key (the upsert, the frame's read) and the batch (undo) are
    /// every store's.
    /// </summary>
    public static IReadOnlyList<(string Name, string Columns)> Indexes { get; } =
    [
        ("ix_order_lines_category_date", "category, order_date"),
        ("ix_order_lines_state_date", "state, order_date"),
        ("ix_order_lines_amount_id", "amount_minor DESC, id"),
        ("ix_order_lines_date_id", "order_date, id"),
    ];

    /// <summary>Kept for every store that has a line (the tests' store, whatever its size).</summary>
    public static LargeStoreUpkeep Always { get; } = new(0);

    /// <summary>Kept past half of <paramref name="options"/>' frame size.</summary>
    public static LargeStoreUpkeep For(AnalyticsOptions options) => new(options.FrameMaxLines / 2);

    /// <summary>Past this many order lines the store keeps its rollup and indexes.</summary>
    public long KeptPastLines { get; } = keptPastLines;

    /// <summary>Whether the store keeps its rollup now.</summary>
    public static bool IsKept(DbConnection connection, DbTransaction transaction) =>
        connection.Scalar("SELECT COUNT(*) FROM (SELECT 1 FROM rollup_cells LIMIT 1) AS kept;", transaction) is 1L;

    /// <summary>
    /// Brings the rollup and the indexes in line with the store's size. When the store is past <see cref="KeptPastLines"/>,
    /// the rollup is written whole if it is missing or <paramref name="stale"/> (a change that did not rewrite its days: a
    /// first load, or the first real import, which replaces the sample), and a missing index is built. When it is not past
    /// it, both are dropped. A kept rollup that is not stale is left as it is.
    /// </summary>
    public void Settle(StoreKind kind, DbConnection connection, DbTransaction transaction, bool stale)
    {
        var kept = IsKept(connection, transaction);
        var past = IsPast(connection, transaction);
        if (past && (stale || !kept))
        {
            RollupWriter.RebuildAll(kind, connection, transaction);
        }
        else if (!past && kept)
        {
            connection.Execute("DELETE FROM rollup_cells; DELETE FROM rollup_shapes;", transaction);
        }
        var present = TableIndexes.Read(connection, transaction, "order_lines", kind.IndexesOfTable).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, columns) in Indexes)
        {
            if (past && !present.Contains(name))
            {
                connection.Execute($"CREATE INDEX {name} ON order_lines ({columns});", transaction);
            }
            else if (!past && present.Contains(name))
            {
                connection.Execute($"DROP INDEX {name};", transaction);
            }
        }
    }

    /// <summary>
    /// Whether the store holds more than <see cref="KeptPastLines"/> order lines: counted up to one past it, so that the
    /// count of a large store costs no more than that of one at the threshold.
    /// </summary>
    public bool IsPast(DbConnection connection, DbTransaction transaction)
    {
        using var count = connection.Command("SELECT COUNT(*) FROM (SELECT 1 FROM order_lines LIMIT @limit) AS counted;", transaction)
            .With("@limit", KeptPastLines + 1);
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > KeptPastLines;
    }
}
