using System.Diagnostics;
using Dashboard.Core.Data;
using Dashboard.Core.Models.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// Issue 6's real-data protocol on a database holding the imported real files (bench/models.sh makes one):
/// purchase (random 80/20 split, seed 42) and cancellation (train before June 2022, test on June), both model
/// kinds side by side, with training and scoring times. Prints one JSON report per task.
/// </summary>
internal static class ModelsBenchmark
{
    public static async Task RunAsync(string databasePath, bool includePromotionIds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var options = new DbContextOptionsBuilder<DashboardDbContext>()
            .UseSqlite(connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;

        await using (var db = new DashboardDbContext(options))
        {
            var load = Stopwatch.StartNew();
            var purchases = await db.Purchases.Where(p => !p.IsToScore && !p.IsSample).OrderBy(p => p.Id).ToListAsync();
            Console.Error.WriteLine($"loaded {purchases.Count:N0} purchases in {load.ElapsedMilliseconds} ms");
            if (purchases.Count > 0)
            {
                Console.WriteLine(ModelProtocol.RunPurchase(purchases).Report.ToJson());
            }
        }

        await using (var db = new DashboardDbContext(options))
        {
            var load = Stopwatch.StartNew();
            // promotion-ids are stored once per distinct text (promotion_lists): joined back for the leakage demonstration.
            var rows = await db.OrderLines.Where(l => !l.IsSample).OrderBy(l => l.Id)
                .Select(l => new { Line = l, Promotions = db.PromotionLists.Where(p => p.Id == l.PromotionListId).Select(p => p.Ids).FirstOrDefault() })
                .ToListAsync();
            var lines = rows.Select(r =>
            {
                r.Line.PromotionIds = r.Promotions;
                return r.Line;
            }).ToList();
            Console.Error.WriteLine($"loaded {lines.Count:N0} order lines in {load.ElapsedMilliseconds} ms");
            if (lines.Count > 0)
            {
                Console.WriteLine(ModelProtocol.RunCancellation(lines, includePromotionIds).Report.ToJson());
            }
        }
    }
}
