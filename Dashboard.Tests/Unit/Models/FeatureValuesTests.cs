using Dashboard.Core.Models.Features;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Tests.Unit.Models;

/// <summary>
/// The exact values that reach the models, worked out by hand on a few lines read column by column. With as many encoding
/// folds as rows the out-of-fold encodings are leave-one-out, whatever the fold shuffle: a row's encoding is that of the other rows
/// with its key, (Σy + m·prior) / (n + m), and its frequency n scaled by folds / (folds − 1).
/// </summary>
public class FeatureValuesTests
{
    private static readonly float NaN = float.NaN;

    [Fact]
    public void TheCancellationFeaturesOfAFewKnownLinesAreTheHandComputedValues()
    {
        OrderLine Line(string fulfilment, string service, string category, string size, string? state, string? city, long? amountMinor,
            bool b2b, int day, StatusGroup group) => new()
        {
            OrderId = "O", Sku = "S", Status = group.ToString(), Style = "ST", Asin = "B0", SalesChannel = "Amazon.in",
            Fulfilment = fulfilment, ServiceLevel = service, Category = category, Size = size, State = state, City = city,
            AmountMinor = amountMinor, B2B = b2b, Date = new DateOnly(2022, 4, day), StatusGroup = group,
        };
        List<OrderLine> lines =
        [
            Line("Amazon", "Expedited", "Set", "M", " maharashtra ", "Mumbai", 49900, false, 4, StatusGroup.Cancelled), // a Monday
            Line("Amazon", "Expedited", "Set", "L", "MAHARASHTRA", "MUMBAI ", 100050, true, 5, StatusGroup.Delivered),
            Line("Merchant", "Standard", "kurta", "M", "KARNATAKA", "Bengaluru", 25025, false, 10, StatusGroup.Shipped), // a Sunday
            Line("Merchant", "Standard", "kurta", "XL", null, null, 79900, false, 6, StatusGroup.Cancelled),
            Line("Amazon", "Expedited", "Top", "M", "KARNATAKA", "BENGALURU", null, false, 7, StatusGroup.Cancelled), // no amount: no label
            Line("Amazon", "Expedited", "Set", "M", "MAHARASHTRA", "PUNE", 30000, false, 8, StatusGroup.Pending), // no label
        ];
        var source = ModelSources.Of(lines);
        var options = new CancellationFeatureOptions { MinLevelCount = 2, CitySmoothing = 2, EncodingFolds = 4 };

        var rows = source.LabelledRows();
        var (features, x, y) = CancellationFeatures.FitTransform(source, rows, options);

        Assert.Equal([0, 1, 2, 3], rows);
        Assert.Equal([1.0, 0, 0, 1], y);
        Assert.Equal(["Amazon", "Merchant", "(other)"], features.Categories[CancellationFeatures.Fulfilment].Levels);
        Assert.Equal(["Set", "kurta", "(other)"], features.Categories[CancellationFeatures.Category].Levels);
        Assert.Equal(["M", "(other)"], features.Categories[CancellationFeatures.Size].Levels);
        Assert.Equal(["MAHARASHTRA", "(other)"], features.Categories[CancellationFeatures.State].Levels);
        // fulfilment, channel, service, category, size, state, city rate, city frequency, amount, b2b, weekday; prior 0.5, m 2
        float[][] training =
        [
            [0, 0, 0, 0, 0, 0, (float)(1.0 / 3), (float)(4.0 / 3), 499f, 0, 1], // MUMBAI without itself: the delivered line
            [0, 0, 0, 0, 1, 0, (float)(2.0 / 3), (float)(4.0 / 3), 1000.5f, 1, 2], // MUMBAI without itself: the cancelled line
            [1, 0, 1, 1, 0, 1, NaN, 0, 250.25f, 0, 0], // BENGALURU has no other training line
            [1, 0, 1, 1, 1, NaN, NaN, 0, 799f, 0, 3], // no state, no city
        ];
        for (var i = 0; i < training.Length; i++)
            Assert.Equal(training[i], x.Row(i).ToArray());

        // Scoring uses the encodings fitted on all training lines: MUMBAI (1 + 1) / (2 + 2), BENGALURU (0 + 1) / (1 + 2).
        var scored = features.Transform(source, [0, 2, 4, 5]);
        float[][] expected =
        [
            [0, 0, 0, 0, 0, 0, 0.5f, 2, 499f, 0, 1],
            [1, 0, 1, 1, 0, 1, (float)(1.0 / 3), 1, 250.25f, 0, 0],
            [0, 0, 0, 2, 0, 1, (float)(1.0 / 3), 1, NaN, 0, 4], // "Top" was never seen: (other)
            [0, 0, 0, 0, 0, 0, NaN, 0, 300f, 0, 5], // PUNE was never seen: missing
        ];
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], scored.Row(i).ToArray());
    }

    [Fact]
    public void ThePurchaseFeaturesOfAFewKnownRowsAreTheHandComputedValues()
    {
        PurchaseTransaction Row(int? user, string? product, string gender, string age, int occupation, string city, int stay, bool married,
            int c1, int? c2, int? c3, int purchase) => new()
        {
            UserId = user, ProductId = product, Gender = gender, AgeBand = age, Occupation = occupation, CityCategory = city, StayYears = stay,
            Married = married, ProductCategory1 = c1, ProductCategory2 = c2, ProductCategory3 = c3, Purchase = purchase,
        };
        List<PurchaseTransaction> rows =
        [
            Row(1000001, "P1", "M", "26-35", 4, "A", 4, true, 3, null, null, 1000),
            Row(1000001, " P2 ", "F", "0-17", 10, "B", 0, false, 1, 5, null, 2000),
            Row(1000002, "P1", "M", "26-35", 4, "A", 2, false, 3, 5, 14, 3000),
            Row(null, null, "F", "55+", 0, "C", 1, true, 12, null, null, 6000),
        ];
        var source = ModelSources.Of(rows);
        var options = new PurchaseFeatureOptions { IdSmoothing = 2, EncodingFolds = 4 };

        var (features, x, y) = PurchaseFeatures.FitTransform(source, [0, 1, 2, 3], options);

        Assert.Equal([1000.0, 2000, 3000, 6000], y);
        Assert.Equal(["F", "M", "(other)"], features.Categories[PurchaseFeatures.Gender].Levels);
        Assert.Equal(["0-17", "26-35", "55+", "(other)"], features.Categories[PurchaseFeatures.Age].Levels);
        Assert.Equal(["0", "4", "10", "(other)"], features.Categories[PurchaseFeatures.Occupation].Levels);
        Assert.Equal(["0", "1", "2", "4", "(other)"], features.Categories[PurchaseFeatures.StayYears].Levels); // "4+" is 4 years
        Assert.Equal(["1", "3", "12", "(other)"], features.Categories[PurchaseFeatures.Category1].Levels);
        // gender, age, occupation, city, stay, married, categories 1–3, user mean and frequency, product mean and frequency; prior 3,000, m 2
        float[][] training =
        [
            [1, 1, 1, 0, 3, 1, 1, NaN, NaN, (float)(8000.0 / 3), (float)(4.0 / 3), 3000, (float)(4.0 / 3)],
            [0, 0, 2, 1, 0, 0, 0, 0, NaN, (float)(7000.0 / 3), (float)(4.0 / 3), NaN, 0], // " P2 " is P2, seen once
            [1, 1, 1, 0, 2, 0, 1, 0, 0, NaN, 0, (float)(7000.0 / 3), (float)(4.0 / 3)],
            [0, 2, 0, 2, 1, 1, 2, NaN, NaN, NaN, 0, NaN, 0],
        ];
        for (var i = 0; i < training.Length; i++)
            Assert.Equal(training[i], x.Row(i).ToArray());

        // Scoring: user 1000001 (1000 + 2000 + 6000) / (2 + 2), product P1 (1000 + 3000 + 6000) / (2 + 2)
        Assert.Equal([1, 1, 1, 0, 3, 1, 1, NaN, NaN, 2250f, 2, 2500f, 2], features.Transform(source, [0]).Row(0).ToArray());
    }

    /// <summary>The columns and a request read the same rules: every row of the frames' shape encodes as its own request does.</summary>
    [Fact]
    public void EachRowOfTheColumnsEncodesAsItsOwnRequest()
    {
        var lines = SyntheticData.Orders(400, 31);
        lines[0].City = null;
        lines[1].State = "";
        lines[2].AmountMinor = null;
        var orders = ModelSources.Of(lines);
        var (cancellation, _, _) = CancellationFeatures.FitTransform(orders, orders.LabelledRows(),
            new CancellationFeatureOptions { IncludePromotionIds = true });
        var all = Enumerable.Range(0, orders.Count).ToArray();
        var columns = cancellation.Transform(orders, all);
        foreach (var r in all)
            Assert.Equal(cancellation.Transform(orders.Input(r)), columns.Row(r).ToArray());

        var purchases = ModelSources.Of(SyntheticData.Purchases(400, 32, withIds: true));
        var rows = Enumerable.Range(0, purchases.Count).ToArray();
        var (purchase, _, _) = PurchaseFeatures.FitTransform(purchases, rows, new PurchaseFeatureOptions());
        var encoded = purchase.Transform(purchases, rows);
        foreach (var r in rows)
            Assert.Equal(purchase.Transform(purchases.Input(r)), encoded.Row(r).ToArray());
    }
}
