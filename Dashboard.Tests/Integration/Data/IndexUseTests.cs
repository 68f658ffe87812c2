using Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Integration.Data;

/// <summary>
/// The order-line indexes a store keeps are the ones SQLite's planner uses (schema steps 7 and 15): every store's key and
/// batch, and the sort indexes of a store large enough to read its rows from the store (decision 0038).
/// </summary>
public sealed class IndexUseTests
{
    [Theory]
    [InlineData("SELECT id, order_id FROM order_lines ORDER BY order_id", "ux_order_lines_key")]          // the orders frame
    [InlineData("SELECT MIN(order_date) FROM order_lines", "ix_order_lines_date_id")]                    // the dataset summary, past the frame
    [InlineData("SELECT id FROM order_lines WHERE order_date >= '2022-04-01' AND amount_minor IS NOT NULL AND amount_minor <= 100 AND (amount_minor < 100 OR id > 7) ORDER BY amount_minor DESC, id LIMIT 50", "ix_order_lines_amount_id")] // a page of rows by amount, after a cursor
    [InlineData("SELECT id FROM order_lines WHERE order_date >= '2022-04-01' AND order_date <= '2022-06-01' ORDER BY order_date, id LIMIT 50", "ix_order_lines_date_id")]                                                    // a page of rows by date
    [InlineData("SELECT DISTINCT category FROM order_lines WHERE category IS NOT NULL", "ix_order_lines_category_date")] // the What-if choices
    [InlineData("SELECT DISTINCT state FROM order_lines WHERE state IS NOT NULL", "ix_order_lines_state_date")]
    [InlineData("SELECT id FROM order_lines WHERE category IN ('Set') AND order_date >= '2022-04-01' AND order_date <= '2022-04-02' ORDER BY id LIMIT 50", "ix_order_lines_category_date")] // a category's rows
    [InlineData("SELECT id FROM order_lines WHERE state IN ('GOA') AND order_date >= '2022-04-01' AND order_date <= '2022-04-02' ORDER BY id LIMIT 50", "ix_order_lines_state_date")]          // a state's rows
    [InlineData("DELETE FROM order_lines WHERE batch_id = 1", "ix_order_lines_batch")]                   // undo
    public void TheQueriesOfTheCodeUseTheKeptIndexes(string sql, string index)
    {
        using var db = new TempDatabase();
        db.Import(new AmazonCsv().Line("A-1", sku: "S-1-L").ToString()); // a large store to the tests' LargeStoreUpkeep.Always
        Assert.Contains(index, Plan(db, sql));
    }

    [Fact]
    public void TheStatusIndexIsGoneAndNoChartNeedsTheOthers()
    {
        using var db = new TempDatabase();
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_order_lines_status_date'"));
    }

    private static string Plan(TempDatabase db, string sql)
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join("\n", plan);
    }
}
