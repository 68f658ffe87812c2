using System.Globalization;
using System.Text.Json.Serialization;
using Dashboard.Core.Purchases;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The purchase model's one feature pipeline. Customer and product attributes are categorical (gender, age band,
/// occupation, city category, stay years, marital status, product categories 1–3; a missing category 2 or 3 is
/// explicit); when the training rows carry User_ID / Product_ID, each adds a smoothed target encoding (out-of-fold in
/// training) and a frequency. Without IDs (the public training file) those columns are simply not there.
/// </summary>
public sealed class PurchaseFeatures
{
    public const string Gender = "gender";
    public const string Age = "age";
    public const string Occupation = "occupation";
    public const string CityCategory = "city_category";
    public const string StayYears = "stay_years";
    public const string Married = "married";
    public const string Category1 = "product_category_1";
    public const string Category2 = "product_category_2";
    public const string Category3 = "product_category_3";
    public const string UserMean = "user_mean_purchase";
    public const string UserFrequency = "user_frequency";
    public const string ProductMean = "product_mean_purchase";
    public const string ProductFrequency = "product_frequency";

    private static readonly string[] CategoricalNames = [Gender, Age, Occupation, CityCategory, StayYears, Married, Category1, Category2, Category3];

    [JsonConstructor]
    public PurchaseFeatures(PurchaseFeatureOptions options, IReadOnlyDictionary<string, CategoryIndex> categories, TargetEncoder? user, TargetEncoder? product)
    {
        Options = options;
        Categories = categories;
        User = user;
        Product = product;
        var features = CategoricalNames.Select(n => new FeatureInfo(n, FeatureKind.Categorical, categories[n].Levels)).ToList();
        if (user is not null)
        {
            features.Add(new FeatureInfo(UserMean, FeatureKind.Numeric));
            features.Add(new FeatureInfo(UserFrequency, FeatureKind.Numeric));
        }
        if (product is not null)
        {
            features.Add(new FeatureInfo(ProductMean, FeatureKind.Numeric));
            features.Add(new FeatureInfo(ProductFrequency, FeatureKind.Numeric));
        }
        Schema = new FeatureSchema(features);
    }

    public PurchaseFeatureOptions Options { get; }
    public IReadOnlyDictionary<string, CategoryIndex> Categories { get; }
    public TargetEncoder? User { get; }
    public TargetEncoder? Product { get; }

    [JsonIgnore]
    public FeatureSchema Schema { get; }

    public static string InputOf(string feature) => feature switch
    {
        UserMean or UserFrequency => "user_id",
        ProductMean or ProductFrequency => "product_id",
        _ => feature,
    };

    /// <summary>Rows of <paramref name="transactions"/> that have a purchase amount, with their feature matrix.</summary>
    public static (PurchaseFeatures Features, FeatureMatrix X, double[] Y, int[] Rows) FitTransform(
        IReadOnlyList<PurchaseTransaction> transactions, PurchaseFeatureOptions options)
    {
        var rows = new List<int>();
        for (var i = 0; i < transactions.Count; i++)
        {
            if (transactions[i].Purchase is not null)
                rows.Add(i);
        }
        var inputs = rows.Select(i => PurchaseInput.From(transactions[i])).ToArray();
        var labels = rows.Select(i => (double)transactions[i].Purchase!.Value).ToArray();
        var categories = new Dictionary<string, CategoryIndex>();
        var raw = inputs.Select(Raw).ToArray();
        for (var c = 0; c < CategoricalNames.Length; c++)
        {
            var column = c;
            categories[CategoricalNames[c]] = CategoryIndex.Fit(raw.Select(r => r[column]), 1,
                CategoricalNames[c] == Age ? AgeBands.All : NumericOrder(raw.Select(r => r[column])));
        }
        TargetEncoder? user = null, product = null;
        float[]? userMean = null, userFrequency = null, productMean = null, productFrequency = null;
        if (inputs.Length > 0 && inputs.Count(x => x.UserKey is not null) >= options.MinIdCoverage * inputs.Length)
        {
            (user, userMean, userFrequency) = TargetEncoder.FitOutOfFold(
                inputs.Select(x => x.UserKey).ToArray(), labels, options.IdSmoothing, options.EncodingFolds, options.Seed);
        }
        if (inputs.Length > 0 && inputs.Count(x => x.ProductKey is not null) >= options.MinIdCoverage * inputs.Length)
        {
            (product, productMean, productFrequency) = TargetEncoder.FitOutOfFold(
                inputs.Select(x => x.ProductKey).ToArray(), labels, options.IdSmoothing, options.EncodingFolds, options.Seed + 1);
        }
        var features = new PurchaseFeatures(options, categories, user, product);
        var width = features.Schema.Count;
        var values = new float[inputs.Length * width];
        for (var i = 0; i < inputs.Length; i++)
        {
            var row = values.AsSpan(i * width, width);
            features.Encode(raw[i], row);
            var k = CategoricalNames.Length;
            if (userMean is not null)
            {
                row[k++] = userMean[i];
                row[k++] = userFrequency![i];
            }
            if (productMean is not null)
            {
                row[k++] = productMean[i];
                row[k] = productFrequency![i];
            }
        }
        return (features, new FeatureMatrix(features.Schema, values, inputs.Length), labels, rows.ToArray());
    }

    public float[] Transform(PurchaseInput input)
    {
        var row = new float[Schema.Count];
        Transform(input, row);
        return row;
    }

    public void Transform(PurchaseInput input, Span<float> row)
    {
        Encode(Raw(input), row);
        var k = CategoricalNames.Length;
        if (User is not null)
        {
            var (mean, frequency) = User.Encode(input.UserKey);
            row[k++] = mean;
            row[k++] = frequency;
        }
        if (Product is not null)
        {
            var (mean, frequency) = Product.Encode(input.ProductKey);
            row[k++] = mean;
            row[k] = frequency;
        }
    }

    private void Encode(string?[] raw, Span<float> row)
    {
        for (var c = 0; c < CategoricalNames.Length; c++)
            row[c] = Categories[CategoricalNames[c]].Code(raw[c]);
    }

    private static readonly string[] SmallNumbers = Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string?[] Raw(PurchaseInput x) =>
    [
        x.Gender,
        x.AgeBand,
        Text(x.Occupation),
        x.CityCategory,
        Text(x.StayYears),
        x.Married ? "1" : "0",
        Text(x.ProductCategory1),
        x.ProductCategory2 is { } c2 ? Text(c2) : null,
        x.ProductCategory3 is { } c3 ? Text(c3) : null,
    ];

    private static string Text(int value) =>
        value is >= 0 and < 256 ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    private static List<string> NumericOrder(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(v => v, StringComparer.Ordinal).ToList();
}
