using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Models;

public class CancellationFeaturesTests
{
    [Fact]
    public void OnlyCancelledAgainstShippedDeliveredOrReturnedLinesWithAnAmountAreLabels()
    {
        foreach (var (group, expected) in new (StatusGroup, double?)[]
        {
            (StatusGroup.Cancelled, 1), (StatusGroup.Shipped, 0), (StatusGroup.Delivered, 0), (StatusGroup.Returned, 0),
            (StatusGroup.Pending, null), (StatusGroup.Lost, null), (StatusGroup.Other, null),
        })
        {
            Assert.Equal(expected, CancellationInput.Label(group, hasAmount: true));
        }
        Assert.Null(CancellationInput.Label(StatusGroup.Cancelled, hasAmount: false));
    }

    [Fact]
    public void CourierStatusQuantityAndPromotionsNeverReachTheModelByDefault()
    {
        var lines = SyntheticData.Orders(3000, 2);
        var (features, x, _) = Fit(lines, new CancellationFeatureOptions());
        Assert.DoesNotContain(features.Schema.Names, n => n.Contains("courier", StringComparison.OrdinalIgnoreCase)
            || n.Contains("qty", StringComparison.OrdinalIgnoreCase) || n.Contains("promotion", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(
            ["fulfilment", "sales_channel", "service_level", "category", "size", "state", "city_cancel_rate", "city_frequency", "amount", "b2b", "weekday"],
            features.Schema.Names);

        var line = lines.First(l => CancellationInput.Label(l.StatusGroup, l.AmountMinor is not null) is not null);
        var before = features.Transform(CancellationInput.From(line));
        line.CourierStatus = line.CourierStatus == "Cancelled" ? "Shipped" : "Cancelled";
        line.Qty += 3;
        line.PromotionIds = line.PromotionIds is null ? "IN Core Free Shipping" : null;
        line.Status = "Shipped - Returned to Seller";
        Assert.Equal(before, features.Transform(CancellationInput.From(line)));
        Assert.Equal(x.Columns, before.Length);
    }

    [Fact]
    public void PromotionIdsAreAnInputOnlyWhenSwitchedOnAndThenTheLeakageCheckFlagsThem()
    {
        var lines = SyntheticData.Orders(4000, 3);
        var (plain, px, py) = Fit(lines, new CancellationFeatureOptions());
        Assert.Empty(LeakageCheck.ForClassifier(px, py, CancellationFeatures.InputOf));

        var (withPromotions, x, y) = Fit(lines, new CancellationFeatureOptions { IncludePromotionIds = true });
        Assert.Contains(CancellationFeatures.HasPromotion, withPromotions.Schema.Names);
        var warnings = LeakageCheck.ForClassifier(x, y, CancellationFeatures.InputOf);
        var warning = Assert.Single(warnings);
        Assert.Equal("promotion_ids", warning.Input);
        Assert.DoesNotContain(CancellationFeatures.HasPromotion, plain.Schema.Names);
    }

    [Fact]
    public void LeakageCheckFlagsAFeatureWhoseAucAloneExceedsNinetyPercent()
    {
        var random = new Random(4);
        var y = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() < 0.5 ? 1.0 : 0.0).ToArray();
        var values = y.Select(v => (float)(v + 0.1 * random.NextDouble())).ToArray();
        var x = new FeatureMatrix(new FeatureSchema([new FeatureInfo("outcome_echo", FeatureKind.Numeric)]), values, values.Length);
        var warning = Assert.Single(LeakageCheck.ForClassifier(x, y, n => n));
        Assert.True(warning.Score > 0.9);
    }

    [Fact]
    public void CityTargetEncodingIsOutOfFoldInTraining()
    {
        var lines = SyntheticData.Orders(2000, 5);
        // a city with a single (cancelled) line: out-of-fold it has no other rows, so its training encoding is missing
        var lonely = lines.First(l => l.StatusGroup == StatusGroup.Cancelled && l.AmountMinor is not null);
        lonely.City = "NOWHERE";
        var source = ModelSources.Of(lines);
        var rows = source.LabelledRows();
        var (features, x, _) = CancellationFeatures.FitTransform(source, rows, new CancellationFeatureOptions());
        var row = Array.IndexOf(rows, lines.IndexOf(lonely));
        Assert.True(float.IsNaN(x[row, features.Schema.IndexOf(CancellationFeatures.CityRate)]));
        // at scoring time the fitted encoding knows the city, shrunk towards the prior
        var scored = features.Transform(CancellationInput.From(lonely))[features.Schema.IndexOf(CancellationFeatures.CityRate)];
        Assert.InRange(scored, features.City.Prior, 1);
    }

    [Fact]
    public void UnseenAndMissingValuesAreExplicitNotErrors()
    {
        var (features, _, _) = Fit(SyntheticData.Orders(2000, 6), new CancellationFeatureOptions());
        var row = features.Transform(new CancellationInput { City = "ATLANTIS", Category = "Spacesuit", Amount = null });
        Assert.True(float.IsNaN(row[features.Schema.IndexOf(CancellationFeatures.CityRate)]));
        Assert.True(float.IsNaN(row[features.Schema.IndexOf(CancellationFeatures.Amount)]));
        Assert.True(float.IsNaN(row[features.Schema.IndexOf(CancellationFeatures.Fulfilment)]));
        var category = features.Schema.Features[features.Schema.IndexOf(CancellationFeatures.Category)];
        Assert.Equal(CategoryIndex.OtherLevel, category.Levels![(int)row[features.Schema.IndexOf(CancellationFeatures.Category)]]);
    }

    private static (CancellationFeatures Features, FeatureMatrix X, double[] Y) Fit(List<OrderLine> lines, CancellationFeatureOptions options)
    {
        var source = ModelSources.Of(lines);
        return CancellationFeatures.FitTransform(source, source.LabelledRows(), options);
    }
}
