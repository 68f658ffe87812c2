using Dashboard.Core.Data;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Models;

/// <summary>
/// Small generated data with a known signal, written straight into a temporary store: order lines from April to June 2022 where
/// merchant-fulfilled lines are cancelled far more often (45%) than Amazon-fulfilled ones (5%) and large amounts a little more,
/// and purchases whose amount depends on the product category and gender, plus rows to score. Small model options keep training
/// to about a second.
/// </summary>
public static class ModelTestData
{
    public const int ToScoreRows = 40;
    private const string Promotion = "IN Core Free Shipping";

    public static TempDatabase Create(int lines = 2400, int purchases = 1500, StoreProvider provider = StoreProvider.Sqlite)
    {
        var db = new TempDatabase(provider: provider);
        using var context = db.Context();
        // The promotion-ids text is stored once, in promotion_lists; a line keeps its id.
        var promotions = new PromotionList { Ids = Promotion };
        context.PromotionLists.Add(promotions);
        context.SaveChanges();
        context.OrderLines.AddRange(Orders(lines, seed: 7).Select(l =>
        {
            l.PromotionListId = l.PromotionIds is null ? null : promotions.Id;
            return l;
        }));
        context.Purchases.AddRange(Purchases(purchases, seed: 8));
        context.SaveChanges();
        return db;
    }

    public static IEnumerable<OrderLine> Orders(int count, int seed)
    {
        var random = new Random(seed);
        string[] cities = ["MUMBAI", "BENGALURU", "PUNE", "DELHI", "CHENNAI", "HYDERABAD"];
        string[] states = ["MAHARASHTRA", "KARNATAKA", "MAHARASHTRA", "DELHI", "TAMIL NADU", "TELANGANA"];
        string[] categories = ["Set", "kurta", "Western Dress", "Top"];
        string[] sizes = ["S", "M", "L", "XL"];
        var start = new DateOnly(2022, 4, 1);
        for (var i = 0; i < count; i++)
        {
            var merchant = random.NextDouble() < 0.4;
            var place = random.Next(cities.Length);
            var amount = 300 + random.Next(1200);
            var risk = (merchant ? 0.45 : 0.05) + (amount > 1200 ? 0.1 : 0);
            var cancelled = random.NextDouble() < risk;
            var group = cancelled ? StatusGroup.Cancelled : random.NextDouble() < 0.5 ? StatusGroup.Shipped : StatusGroup.Delivered;
            yield return new OrderLine
            {
                OrderId = $"O-{i:D6}",
                Sku = "SKU-" + (i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Date = start.AddDays(i * 91 / count),
                Status = group.ToString(),
                StatusGroup = group,
                Fulfilment = merchant ? "Merchant" : "Amazon",
                SalesChannel = "Amazon.in",
                ServiceLevel = random.NextDouble() < 0.7 ? "Expedited" : "Standard",
                Style = "ST",
                Category = categories[random.Next(categories.Length)],
                Size = sizes[random.Next(sizes.Length)],
                Asin = "B0",
                Qty = cancelled ? 0 : 1,
                Currency = "INR",
                AmountMinor = amount * 100L,
                City = cities[place],
                CityRaw = cities[place],
                State = states[place],
                StateRaw = states[place],
                Country = "IN",
                B2B = random.NextDouble() < 0.05,
                PromotionIds = !cancelled && random.NextDouble() < 0.6 ? Promotion : null, // behaves like an outcome, as in the real export
                BatchId = 1,
                ContentHash = i,
            };
        }
    }

    public static IEnumerable<PurchaseTransaction> Purchases(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count + ToScoreRows; i++)
        {
            var category = 1 + random.Next(8);
            var male = random.NextDouble() < 0.7;
            var toScore = i >= count;
            yield return new PurchaseTransaction
            {
                UserId = 1000000 + random.Next(300),
                ProductId = "P" + random.Next(200).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                Gender = male ? "M" : "F",
                AgeBand = AgeBands.All[random.Next(AgeBands.All.Count)],
                Occupation = random.Next(21),
                CityCategory = ((char)('A' + random.Next(3))).ToString(),
                StayYears = random.Next(5),
                Married = random.NextDouble() < 0.4,
                ProductCategory1 = category,
                ProductCategory2 = random.NextDouble() < 0.5 ? 2 + random.Next(10) : null,
                ProductCategory3 = null,
                Purchase = toScore ? null : 2000 + category * 1500 + (male ? 600 : 0) + random.Next(1000),
                IsToScore = toScore,
                BatchId = toScore ? 3 : 2,
                SourceRow = i + 1,
            };
        }
    }

    /// <summary>A trainer over <paramref name="db"/> with small model options (few trees, a small grid).</summary>
    public static ModelTrainer Trainer(TempDatabase db, ModelStore store) => new(Contexts(db), store, TimeProvider.System)
    {
        CancellationOptions = CancellationOptions,
        PurchaseOptions = PurchaseOptions,
        LatencySample = 40,
    };

    public static CancellationTrainingOptions CancellationOptions
    {
        get
        {
            var defaults = new CancellationTrainingOptions();
            return defaults with { Linear = new LinearSettings { L2 = [0.01f, 1f], Folds = 2 }, Trees = Small(defaults.Trees) };
        }
    }

    public static PurchaseTrainingOptions PurchaseOptions
    {
        get
        {
            var defaults = new PurchaseTrainingOptions();
            return defaults with { Linear = new LinearSettings { L2 = [0.01f, 0.1f], Folds = 2 }, Trees = Small(defaults.Trees) };
        }
    }

    private static TreeSettings Small(TreeSettings options) =>
        options with { Trees = 40, LearningRate = 0.2, Leaves = 15, EarlyStoppingRounds = 10, MinExamplesPerLeaf = 10 };

    public static ModelStore Store(TempDatabase db) => new(Contexts(db));

    public static IDbContextFactory<DashboardDbContext> Contexts(TempDatabase db) => new Factory(db);

    private sealed class Factory(TempDatabase db) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => db.Context();
    }
}
