using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>
/// A store of a few hundred varied order lines (categories, states with and without, statuses, currencies, B2B, every
/// weekday over three months, orders of several lines, repeated amounts for ties), and the rows' queries over its frame or,
/// past <see cref="AnalyticsOptions.FrameMaxLines"/> (set to 0), over the store.
/// </summary>
internal static class RowsFixture
{
    private static readonly string[] Categories = ["kurta", "Set", "Top", "Western Dress"];
    private static readonly (string City, string State)[] Places =
        [("MUMBAI", "MAHARASHTRA"), ("PUNE", "MAHARASHTRA"), ("BENGALURU", "KARNATAKA"), ("CHENNAI", "TAMIL NADU"), ("", "")];
    private static readonly string[] Statuses = ["Shipped", "Shipped - Delivered to Buyer", "Cancelled", "Pending", "Shipped - Returned to Seller"];
    private static readonly string[] Amounts = ["399.00", "499.00", "735.00", "1099.00", "1,000.00"];

    public static string Orders(int orders = 160)
    {
        var random = new Random(25);
        var csv = new AmazonCsv();
        var first = new DateOnly(2022, 3, 31);
        for (var o = 0; o < orders; o++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{171 + o % 5}-{o:D7}-{random.Next(1000, 9999)}");
            var date = first.AddDays(random.Next(91));
            var (city, state) = Places[random.Next(Places.Length)];
            var b2b = random.Next(6) == 0 ? "True" : "False";
            var lines = 1 + random.Next(3);
            for (var l = 0; l < lines; l++)
            {
                var status = Statuses[random.Next(Statuses.Length)];
                var cancelled = status == "Cancelled";
                var noAmount = cancelled && random.Next(2) == 0;
                var amount = noAmount ? "" : random.Next(4) == 0 ? Amounts[random.Next(Amounts.Length)].Replace(",", "", StringComparison.Ordinal)
                    : (199 + random.Next(2000) + random.Next(100) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
                var currency = noAmount ? "" : random.Next(12) == 0 ? "USD" : "INR";
                var size = new[] { "S", "M", "L", "XL" }[random.Next(4)];
                csv.Line(id, sku: $"SKU{random.Next(50)}{(char)('A' + l)}-KR-{size}", date: date.AddDays(l == 2 ? 1 : 0).ToString("MM-dd-yy", CultureInfo.InvariantCulture),
                    status: status, amount: amount, currency: currency, qty: cancelled ? "0" : (1 + random.Next(3)).ToString(CultureInfo.InvariantCulture),
                    category: Categories[random.Next(Categories.Length)], size: size, city: city, state: state,
                    fulfilment: random.Next(3) == 0 ? "Merchant" : "Amazon", channel: random.Next(10) == 0 ? "Non-Amazon" : "Amazon.in",
                    level: random.Next(2) == 0 ? "Standard" : "Expedited", courier: cancelled ? "" : "Shipped", b2b: b2b);
            }
        }
        return csv.ToString();
    }

    public sealed record Queries(OrdersFrameCache Cache, OrdersOverviewQuery Overview, OrderRowsQuery Rows, OrderLinesExport Export);

    /// <summary>The queries over the frame, or (<paramref name="pastTheFrame"/>) over the store and its rollup.</summary>
    public static Queries Over(TempDatabase db, bool pastTheFrame)
    {
        var options = Options.Create(new AnalyticsOptions { FrameMaxLines = pastTheFrame ? 0 : int.MaxValue });
        var cache = new OrdersFrameCache(db.Contexts(), db.Version, options);
        return new(cache, new OrdersOverviewQuery(cache, options), new OrderRowsQuery(cache, db.Contexts()),
            new OrderLinesExport(cache, db.Contexts(), Options.Create(new DownloadOptions { BatchRows = 7 })));
    }

    public static OrderFilter Filter(string query) => OrderFilter.Parse(query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string?>(p[0], p[1])));
}
