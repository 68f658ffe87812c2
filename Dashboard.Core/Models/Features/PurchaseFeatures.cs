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

    /// <summary>
    /// The feature matrix and labels of <paramref name="rows"/> of <paramref name="source"/> (in the order the models read
    /// them), with the pipeline's encodings fitted on exactly these rows, the ID encodings out-of-fold.
    /// </summary>
    public static (PurchaseFeatures Features, FeatureMatrix X, double[] Y) FitTransform(
        PurchaseSource source, ReadOnlySpan<int> rows, PurchaseFeatureOptions options)
    {
        var labels = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            labels[i] = source.Purchase.Span[rows[i]];
        var categories = new Dictionary<string, CategoryIndex>();
        foreach (var (name, column, fromLabel, _) in Texts)
        {
            var raw = column(source).Map(rows, label => label is null ? null : fromLabel(label));
            categories[name] = CategoryIndex.Fit(raw, 1, name == Age ? AgeBands.All : NumericOrder(raw));
        }
        var userKeys = UserKeys(source, rows);
        var productKeys = source.Product.Map(rows, ProductKey);
        TargetEncoder? user = null, product = null;
        float[]? userMean = null, userFrequency = null, productMean = null, productFrequency = null;
        if (rows.Length > 0 && userKeys.Count(k => k is not null) >= options.MinIdCoverage * rows.Length)
            (user, userMean, userFrequency) = TargetEncoder.FitOutOfFold(userKeys, labels, options.IdSmoothing, options.EncodingFolds, options.Seed);
        if (rows.Length > 0 && productKeys.Count(k => k is not null) >= options.MinIdCoverage * rows.Length)
        {
            (product, productMean, productFrequency) = TargetEncoder.FitOutOfFold(
                productKeys, labels, options.IdSmoothing, options.EncodingFolds, options.Seed + 1);
        }
        var features = new PurchaseFeatures(options, categories, user, product);
        var x = features.Transform(source, rows, userKeys, productKeys);
        var k = CategoricalNames.Length;
        if (userMean is not null)
        {
            Put(x.Values, x.Columns, k++, userMean);
            Put(x.Values, x.Columns, k++, userFrequency!);
        }
        if (productMean is not null)
        {
            Put(x.Values, x.Columns, k++, productMean);
            Put(x.Values, x.Columns, k, productFrequency!);
        }
        return (features, x, labels);
    }

    /// <summary>The feature matrix of <paramref name="rows"/> of <paramref name="source"/>, column by column: each text rule
    /// runs once per distinct label of the frame's column, then every row takes its code's value.</summary>
    public FeatureMatrix Transform(PurchaseSource source, ReadOnlySpan<int> rows) =>
        Transform(source, rows, User is null ? null : UserKeys(source, rows), Product is null ? null : source.Product.Map(rows, ProductKey));

    private FeatureMatrix Transform(PurchaseSource source, ReadOnlySpan<int> rows, string?[]? userKeys, string?[]? productKeys)
    {
        var width = Schema.Count;
        var values = new float[rows.Length * width];
        for (var c = 0; c < Texts.Length; c++)
        {
            var (name, column, fromLabel, _) = Texts[c];
            Put(values, width, c, column(source).Map(rows, label => Categories[name].Code(label is null ? null : fromLabel(label))));
        }
        var k = CategoricalNames.Length;
        foreach (var (encoder, keys) in new (TargetEncoder? Encoder, string?[]? Keys)[] { (User, userKeys), (Product, productKeys) })
        {
            if (encoder is null)
                continue;
            for (var i = 0; i < keys!.Length; i++)
                (values[i * width + k], values[i * width + k + 1]) = encoder.Encode(keys[i]);
            k += 2;
        }
        return new FeatureMatrix(Schema, values, rows.Length);
    }

    public float[] Transform(PurchaseInput input)
    {
        var row = new float[Schema.Count];
        Transform(input, row);
        return row;
    }

    /// <summary>One request's features, by the same rules as <see cref="Transform(PurchaseSource, ReadOnlySpan{int})"/>.</summary>
    public void Transform(PurchaseInput input, Span<float> row)
    {
        for (var c = 0; c < Texts.Length; c++)
            row[c] = Categories[Texts[c].Name].Code(Texts[c].Text(input));
        var k = CategoricalNames.Length;
        if (User is not null)
        {
            (row[k], row[k + 1]) = User.Encode(UserKey(input.UserId));
            k += 2;
        }
        if (Product is not null)
            (row[k], row[k + 1]) = Product.Encode(ProductKey(input.ProductId));
    }

    // The feature rules, each in one place: the frame's columns apply them per label, a request per value.

    /// <summary>The categorical inputs, in column order: the source's column, its label's text, and the request's text.</summary>
    private static readonly (string Name, Func<PurchaseSource, CodedColumn> Column, Func<string, string?> FromLabel, Func<PurchaseInput, string?> Text)[] Texts =
    [
        (Gender, s => s.Gender, l => l, x => x.Gender),
        (Age, s => s.AgeBand, l => l, x => x.AgeBand),
        (Occupation, s => s.Occupation, l => Text(PurchaseSource.Number(l)), x => Text(x.Occupation)),
        (CityCategory, s => s.CityCategory, l => l, x => x.CityCategory),
        (StayYears, s => s.StayYears, l => Text(PurchaseSource.Number(l)), x => Text(x.StayYears)),
        (Married, s => s.Married, l => MarriedText(PurchaseSource.IsMarried(l)), x => MarriedText(x.Married)),
        (Category1, s => s.ProductCategory1, l => Text(PurchaseSource.Number(l)), x => Text(x.ProductCategory1)),
        (Category2, s => s.ProductCategory2, l => Text(PurchaseSource.Number(l)), x => x.ProductCategory2 is { } c ? Text(c) : null),
        (Category3, s => s.ProductCategory3, l => Text(PurchaseSource.Number(l)), x => x.ProductCategory3 is { } c ? Text(c) : null),
    ];

    private static string MarriedText(bool married) => married ? "1" : "0";

    private static string? UserKey(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static string? ProductKey(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim();

    /// <summary>The user keys of <paramref name="rows"/>, one string per distinct user.</summary>
    private static string?[] UserKeys(PurchaseSource source, ReadOnlySpan<int> rows)
    {
        var keys = new string?[rows.Length];
        var known = new Dictionary<int, string>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (source.User(rows[i]) is { } id)
            {
                if (!known.TryGetValue(id, out var key))
                    known[id] = key = UserKey(id)!;
                keys[i] = key;
            }
        }
        return keys;
    }

    private static void Put(float[] values, int width, int column, float[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
            values[i * width + column] = rows[i];
    }

    private static readonly string[] SmallNumbers = Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string Text(int value) =>
        value is >= 0 and < 256 ? SmallNumbers[value] : value.ToString(CultureInfo.InvariantCulture);

    private static List<string> NumericOrder(IEnumerable<string?> values) =>
        values.OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(v => v, StringComparer.Ordinal).ToList();
}
