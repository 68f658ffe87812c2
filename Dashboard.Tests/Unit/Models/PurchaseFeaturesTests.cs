using Dashboard.Core.Models.Features;

namespace Dashboard.Tests.Unit.Models;

public class PurchaseFeaturesTests
{
    [Fact]
    public void WithoutIdsThePipelineUsesTheAttributesAlone()
    {
        var (features, x, y) = Fit(SyntheticData.Purchases(1000, 1, withIds: false));
        Assert.Null(features.User);
        Assert.Null(features.Product);
        Assert.Equal(9, x.Columns);
        Assert.Equal(1000, y.Length);
    }

    [Fact]
    public void WithIdsThePipelineAddsUserAndProductEncodings()
    {
        var (features, x, _) = Fit(SyntheticData.Purchases(2000, 2, withIds: true));
        Assert.NotNull(features.User);
        Assert.NotNull(features.Product);
        Assert.Contains(PurchaseFeatures.UserMean, features.Schema.Names);
        Assert.Equal(13, x.Columns);
        // a row to score without IDs still scores: the ID columns are missing, not guessed
        var row = features.Transform(new PurchaseInput { Gender = "M", AgeBand = "26-35", CityCategory = "A", ProductCategory1 = 3 });
        Assert.True(float.IsNaN(row[features.Schema.IndexOf(PurchaseFeatures.UserMean)]));
    }

    [Fact]
    public void MissingProductCategoriesAreExplicit()
    {
        var (features, _, _) = Fit(SyntheticData.Purchases(500, 3, withIds: false));
        var row = features.Transform(new PurchaseInput { Gender = "F", AgeBand = "55+", CityCategory = "C", ProductCategory1 = 1, ProductCategory2 = null });
        Assert.True(float.IsNaN(row[features.Schema.IndexOf(PurchaseFeatures.Category2)]));
        Assert.False(float.IsNaN(row[features.Schema.IndexOf(PurchaseFeatures.Category1)]));
    }

    [Fact]
    public void AgeBandLevelsKeepTheirNaturalOrder()
    {
        var (features, _, _) = Fit(SyntheticData.Purchases(2000, 4, withIds: false));
        Assert.Equal(Dashboard.Core.Purchases.AgeBands.All, features.Categories[PurchaseFeatures.Age].Levels.Take(7));
    }

    private static (PurchaseFeatures Features, FeatureMatrix X, double[] Y) Fit(List<Dashboard.Core.Purchases.PurchaseTransaction> rows)
    {
        var source = ModelSources.Of(rows);
        return PurchaseFeatures.FitTransform(source, Enumerable.Range(0, source.Count).ToArray(), new PurchaseFeatureOptions());
    }
}
