using System.Data.Common;
using Dashboard.Core.Analytics;
using Dashboard.Core.Data;

namespace Dashboard.Core.Orders.Rollup;

/// <summary>
/// Whether the daily rollup is kept, and keeping it across a change (decision 0036). The rollup answers the order screens
/// past <see cref="AnalyticsOptions.FrameMaxLines"/>; below that the frame answers and the rollup buys nothing, yet its
/// upkeep was a fifth of an import's time. So it is kept only in a store of more than <see cref="KeptPastLines"/> order
/// lines, half the frame's size: the change that takes the store past that writes it whole, in its own transaction, and
/// from then on every change rewrites the days it touched. A store keeps it exactly when <c>rollup_cells</c> holds a row.
/// </summary>
public sealed class RollupUpkeep(long keptPastLines)
{
    /// <summary>A rollup kept for every store that has a line (the tests' store, whatever its size).</summary>
    public static RollupUpkeep Always { get; } = new(0);

    /// <summary>Kept past half of <paramref name="options"/>' frame size.</summary>
    public static RollupUpkeep For(AnalyticsOptions options) => new(options.FrameMaxLines / 2);

    /// <summary>Past this many order lines the store keeps its rollup.</summary>
    public long KeptPastLines { get; } = keptPastLines;

    /// <summary>Whether the store keeps its rollup now.</summary>
    public static bool IsKept(DbConnection connection, DbTransaction transaction) =>
        connection.Scalar("SELECT COUNT(*) FROM (SELECT 1 FROM rollup_cells LIMIT 1) AS kept;", transaction) is 1L;

    /// <summary>
    /// Brings the rollup in line with the store's size: written whole when the store is past <see cref="KeptPastLines"/>
    /// and the rollup is missing or <paramref name="stale"/> (a change that did not rewrite its days: a first load, or the
    /// first real import, which replaces the sample), emptied when the store is not past it. A kept rollup that is not
    /// stale is left as it is.
    /// </summary>
    public void Settle(StoreKind kind, DbConnection connection, DbTransaction transaction, bool stale)
    {
        var kept = IsKept(connection, transaction);
        if (IsPast(connection, transaction))
        {
            if (stale || !kept)
            {
                RollupWriter.RebuildAll(kind, connection, transaction);
            }
        }
        else if (kept)
        {
            connection.Execute("DELETE FROM rollup_cells; DELETE FROM rollup_shapes;", transaction);
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
