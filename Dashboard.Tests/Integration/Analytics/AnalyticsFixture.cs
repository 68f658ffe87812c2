using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>
/// A small, hand-computable data set in a temporary store: a SQLite file, or a PostgreSQL database
/// (<see cref="PostgreSqlAnalyticsFixture"/>). The expected numbers in the tests are worked out
/// by hand from the table below (see the comments next to each assertion).
/// <code>
/// #  order sku date        weekday status    category      state        fulfil   channel     service   qty cur amount  b2b
/// 1  O1    A   2022-06-06  Mon     Delivered Set           MAHARASHTRA  Amazon   Amazon.in   Expedited 1   INR  500.00
/// 2  O1    B   2022-06-06  Mon     Cancelled kurta         MAHARASHTRA  Amazon   Amazon.in   Expedited 0   INR  300.00
/// 3  O2    A   2022-06-07  Tue     Shipped   kurta         KARNATAKA    Merchant Amazon.in   Standard  2   INR  800.00  yes
/// 4  O3    A   2022-06-08  Wed     Cancelled Set           KARNATAKA    Merchant Amazon.in   Standard  0   -    -
/// 5  O4    A   2022-06-13  Mon     Delivered Set           MAHARASHTRA  Amazon   Amazon.in   Expedited 1   INR 1200.50
/// 6  O4    B   2022-06-13  Mon     Delivered kurta         MAHARASHTRA  Amazon   Amazon.in   Expedited 1   INR  399.50
/// 7  O5    A   2022-06-19  Sun     Pending   Western Dress DELHI        Amazon   Non-Amazon  Expedited 3   INR  900.00
/// 8  O6    A   2022-07-01  Fri     Returned  Set           DELHI        Amazon   Amazon.in   Expedited 1   INR  600.00
/// 9  O7    A   2022-06-14  Tue     Shipped   Set           GOA          Amazon   Amazon.in   Standard  1   USD   10.00
/// </code>
/// Purchases (labelled): F 26-35 occ1 A stay1 single pc1 100; M 26-35 occ1 B stay2 married pc1 200;
/// M 18-25 occ2 B stay4+ single pc2 300; F 36-45 occ2 C stay0 married pc3 400; M 26-35 occ3 A stay1 single pc1 500;
/// and one row to score (M 55+, no purchase) that the purchases screen must ignore.
/// </summary>
public class AnalyticsFixture : IDisposable
{
    private readonly TempDatabase _database;

    public AnalyticsFixture() : this(StoreProvider.Sqlite)
    {
    }

    protected AnalyticsFixture(StoreProvider provider)
    {
        _database = new TempDatabase(provider: provider);
        using var db = CreateContext();
        db.OrderLines.AddRange(Orders());
        db.Purchases.AddRange(Purchases());
        db.SaveChanges();
    }

    public StoreProvider Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;

    public DashboardDbContext CreateContext() => new(_database.Store.ContextOptions());

    public static IEnumerable<OrderLine> Orders()
    {
        yield return Line("O1", "A", "2022-06-06", StatusGroup.Delivered, "Set", "MAHARASHTRA", "Amazon", "Amazon.in", "Expedited", 1, "INR", 50000);
        yield return Line("O1", "B", "2022-06-06", StatusGroup.Cancelled, "kurta", "MAHARASHTRA", "Amazon", "Amazon.in", "Expedited", 0, "INR", 30000);
        yield return Line("O2", "A", "2022-06-07", StatusGroup.Shipped, "kurta", "KARNATAKA", "Merchant", "Amazon.in", "Standard", 2, "INR", 80000, b2b: true);
        yield return Line("O3", "A", "2022-06-08", StatusGroup.Cancelled, "Set", "KARNATAKA", "Merchant", "Amazon.in", "Standard", 0, null, null);
        yield return Line("O4", "A", "2022-06-13", StatusGroup.Delivered, "Set", "MAHARASHTRA", "Amazon", "Amazon.in", "Expedited", 1, "INR", 120050);
        yield return Line("O4", "B", "2022-06-13", StatusGroup.Delivered, "kurta", "MAHARASHTRA", "Amazon", "Amazon.in", "Expedited", 1, "INR", 39950);
        yield return Line("O5", "A", "2022-06-19", StatusGroup.Pending, "Western Dress", "DELHI", "Amazon", "Non-Amazon", "Expedited", 3, "INR", 90000);
        yield return Line("O6", "A", "2022-07-01", StatusGroup.Returned, "Set", "DELHI", "Amazon", "Amazon.in", "Expedited", 1, "INR", 60000);
        yield return Line("O7", "A", "2022-06-14", StatusGroup.Shipped, "Set", "GOA", "Amazon", "Amazon.in", "Standard", 1, "USD", 1000);
    }

    public static IEnumerable<PurchaseTransaction> Purchases()
    {
        yield return Purchase("F", "26-35", 1, "A", 1, false, 1, 100);
        yield return Purchase("M", "26-35", 1, "B", 2, true, 1, 200);
        yield return Purchase("M", "18-25", 2, "B", 4, false, 2, 300);
        yield return Purchase("F", "36-45", 2, "C", 0, true, 3, 400);
        yield return Purchase("M", "26-35", 3, "A", 1, false, 1, 500);
        yield return Purchase("M", "55+", 4, "C", 3, true, 5, null);
    }

    internal static OrderLine Line(string order, string sku, string date, StatusGroup group, string category, string state,
        string fulfilment, string channel, string service, int qty, string? currency, long? amountMinor, bool b2b = false) => new()
    {
        OrderId = order,
        Sku = sku,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Status = group.ToString(),
        StatusGroup = group,
        Fulfilment = fulfilment,
        SalesChannel = channel,
        ServiceLevel = service,
        Style = "STYLE",
        Category = category,
        Size = "M",
        Asin = "ASIN",
        Qty = qty,
        Currency = currency,
        AmountMinor = amountMinor,
        City = "CITY",
        State = state,
        B2B = b2b,
        BatchId = 1,
    };

    private static PurchaseTransaction Purchase(string gender, string age, int occupation, string city, int stay, bool married, int pc1, int? purchase) => new()
    {
        Gender = gender,
        AgeBand = age,
        Occupation = occupation,
        CityCategory = city,
        StayYears = stay,
        Married = married,
        ProductCategory1 = pc1,
        Purchase = purchase,
        IsToScore = purchase is null,
        BatchId = 1,
    };

    public void Dispose()
    {
        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary><see cref="AnalyticsFixture"/>'s data in a PostgreSQL database.</summary>
public sealed class PostgreSqlAnalyticsFixture() : AnalyticsFixture(StoreProvider.PostgreSql);
