using Dashboard.Core.Models.Training;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Tests.Unit.Models;

internal static class SyntheticData
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Order lines over April–June 2022 whose cancellation depends on fulfilment, amount and city; about one in ten lines carries a
    /// promotion, and a line with a promotion is never cancelled (the real data's leak, exaggerated).</summary>
    public static List<OrderLine> Orders(int n, int seed)
    {
        var random = new Random(seed);
        string[] cities = ["MUMBAI", "PUNE", "DELHI", "CHENNAI", "KOLKATA", "BENGALURU", "HYDERABAD", "SURAT"];
        string[] states = ["MAHARASHTRA", "DELHI", "TAMIL NADU", "WEST BENGAL", "KARNATAKA", "TELANGANA", "GUJARAT"];
        string[] categories = ["Set", "kurta", "Western Dress", "Top"];
        string[] sizes = ["S", "M", "L", "XL"];
        var lines = new List<OrderLine>(n);
        for (var i = 0; i < n; i++)
        {
            var cityIndex = random.Next(cities.Length);
            var merchant = random.NextDouble() < 0.3;
            var amount = 300 + random.Next(1200);
            var promoted = random.NextDouble() < 0.5;
            var z = -2.2 + (merchant ? 1.0 : 0) + (amount > 1000 ? 0.8 : 0) + (cityIndex == 0 ? 0.7 : 0);
            var cancelled = !promoted && random.NextDouble() < 1.6 * ModelMath.Sigmoid(z);
            var status = cancelled ? "Cancelled" : random.NextDouble() < 0.05 ? "Pending" : "Shipped - Delivered to Buyer";
            lines.Add(new OrderLine
            {
                OrderId = $"171-{i:0000000}",
                Sku = $"SKU-{i % 50}",
                Date = new DateOnly(2022, 4, 1).AddDays(random.Next(91)),
                Status = status,
                StatusGroup = cancelled ? StatusGroup.Cancelled : status == "Pending" ? StatusGroup.Pending : StatusGroup.Delivered,
                Fulfilment = merchant ? "Merchant" : "Amazon",
                SalesChannel = "Amazon.in",
                ServiceLevel = merchant ? "Standard" : "Expedited",
                Style = "ST",
                Category = categories[random.Next(categories.Length)],
                Size = sizes[random.Next(sizes.Length)],
                Asin = "B0",
                CourierStatus = cancelled ? "Cancelled" : "Shipped",
                Qty = cancelled ? 0 : 1,
                Currency = "INR",
                AmountMinor = random.NextDouble() < 0.03 ? null : amount * 100L,
                City = cities[cityIndex],
                State = states[Math.Min(cityIndex, states.Length - 1)],
                PromotionIds = promoted ? "Amazon PLCC Free-Financing Universal Merchant AAT-X" : null,
                B2B = random.NextDouble() < 0.05,
            });
        }
        return lines;
    }

    /// <summary>Purchases whose amount depends on product category 1 (strongly), gender and, when IDs are given, the user.</summary>
    public static List<PurchaseTransaction> Purchases(int n, int seed, bool withIds)
    {
        var random = new Random(seed);
        var lines = new List<PurchaseTransaction>(n);
        for (var i = 0; i < n; i++)
        {
            var user = random.Next(200);
            var c1 = 1 + random.Next(8);
            int? c2 = random.NextDouble() < 0.3 ? null : 2 + random.Next(10);
            var male = random.NextDouble() < 0.7;
            var amount = 2000 + 1500 * c1 + (male ? 500 : 0) + (withIds ? (user % 10) * 300 : 0) + 400 * Gaussian(random);
            lines.Add(new PurchaseTransaction
            {
                UserId = withIds ? 1_000_000 + user : null,
                ProductId = withIds ? $"P{random.Next(300):00000}" : null,
                Gender = male ? "M" : "F",
                AgeBand = Dashboard.Core.Purchases.AgeBands.All[random.Next(7)],
                Occupation = random.Next(21),
                CityCategory = ((string[])["A", "B", "C"])[random.Next(3)],
                StayYears = random.Next(5),
                Married = random.NextDouble() < 0.4,
                ProductCategory1 = c1,
                ProductCategory2 = c2,
                ProductCategory3 = c2 is null || random.NextDouble() < 0.5 ? null : 3 + random.Next(12),
                Purchase = (int)Math.Max(100, amount),
            });
        }
        return lines;
    }
}
