using System.Globalization;
using System.Text.Json.Serialization;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The cancellation model's one feature pipeline, used the same way in training and scoring. Inputs: fulfilment,
/// sales channel, service level, category, size, state (one-hot / categorical), city (smoothed target encoding,
/// out-of-fold in training, plus its frequency), amount, B2B and weekday; promotion-ids only when switched on.
/// Nothing else of an <see cref="OrderLine"/> can reach a model: the pipeline reads a <see cref="CancellationInput"/>.
/// </summary>
public sealed class CancellationFeatures
{
    public const string Fulfilment = "fulfilment";
    public const string SalesChannel = "sales_channel";
    public const string ServiceLevel = "service_level";
    public const string Category = "category";
    public const string Size = "size";
    public const string State = "state";
    public const string CityRate = "city_cancel_rate";
    public const string CityFrequency = "city_frequency";
    public const string Amount = "amount";
    public const string B2B = "b2b";
    public const string Weekday = "weekday";
    public const string HasPromotion = "has_promotion";

    private static readonly string[] Weekdays = [.. Enum.GetNames<DayOfWeek>()];
    private static readonly string[] Booleans = ["False", "True"];

    [JsonConstructor]
    public CancellationFeatures(CancellationFeatureOptions options, IReadOnlyDictionary<string, CategoryIndex> categories, TargetEncoder city)
    {
        Options = options;
        Categories = categories;
        City = city;
        var features = new List<FeatureInfo>();
        foreach (var name in (string[])[Fulfilment, SalesChannel, ServiceLevel, Category, Size, State])
            features.Add(new FeatureInfo(name, FeatureKind.Categorical, categories[name].Levels));
        features.Add(new FeatureInfo(CityRate, FeatureKind.Numeric));
        features.Add(new FeatureInfo(CityFrequency, FeatureKind.Numeric));
        features.Add(new FeatureInfo(Amount, FeatureKind.Numeric));
        features.Add(new FeatureInfo(B2B, FeatureKind.Categorical, Booleans));
        features.Add(new FeatureInfo(Weekday, FeatureKind.Categorical, Weekdays));
        if (options.IncludePromotionIds)
            features.Add(new FeatureInfo(HasPromotion, FeatureKind.Categorical, Booleans));
        Schema = new FeatureSchema(features);
    }

    public CancellationFeatureOptions Options { get; }
    public IReadOnlyDictionary<string, CategoryIndex> Categories { get; }
    public TargetEncoder City { get; }

    [JsonIgnore]
    public FeatureSchema Schema { get; }

    /// <summary>The input (as the What-if form names it) that each feature column belongs to.</summary>
    public static string InputOf(string feature) => feature switch
    {
        CityRate or CityFrequency => "city",
        HasPromotion => "promotion_ids",
        _ => feature,
    };

    /// <summary>Labelled rows of <paramref name="lines"/> (see <see cref="CancellationInput.Label"/>) with their feature
    /// matrix; the pipeline's encodings are fitted on exactly these rows, the city encoding out-of-fold.</summary>
    public static (CancellationFeatures Features, FeatureMatrix X, double[] Y, int[] Rows) FitTransform(
        IReadOnlyList<OrderLine> lines, CancellationFeatureOptions options)
    {
        var rows = new List<int>();
        var labels = new List<double>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (CancellationInput.Label(lines[i]) is { } label)
            {
                rows.Add(i);
                labels.Add(label);
            }
        }
        var inputs = rows.Select(i => CancellationInput.From(lines[i])).ToArray();
        var categories = new Dictionary<string, CategoryIndex>
        {
            [Fulfilment] = CategoryIndex.Fit(inputs.Select(x => x.Fulfilment), options.MinLevelCount),
            [SalesChannel] = CategoryIndex.Fit(inputs.Select(x => x.SalesChannel), options.MinLevelCount),
            [ServiceLevel] = CategoryIndex.Fit(inputs.Select(x => x.ServiceLevel), options.MinLevelCount),
            [Category] = CategoryIndex.Fit(inputs.Select(x => x.Category), options.MinLevelCount),
            [Size] = CategoryIndex.Fit(inputs.Select(x => x.Size), options.MinLevelCount),
            [State] = CategoryIndex.Fit(inputs.Select(x => CityKey(x.State)), options.MinLevelCount),
        };
        var (city, cityRate, cityFrequency) = TargetEncoder.FitOutOfFold(
            inputs.Select(x => CityKey(x.City)).ToArray(), labels, options.CitySmoothing, options.EncodingFolds, options.Seed);
        var features = new CancellationFeatures(options, categories, city);
        var width = features.Schema.Count;
        var values = new float[inputs.Length * width];
        for (var i = 0; i < inputs.Length; i++)
        {
            var row = values.AsSpan(i * width, width);
            features.Transform(inputs[i], row);
            row[6] = cityRate[i];
            row[7] = cityFrequency[i];
        }
        return (features, new FeatureMatrix(features.Schema, values, inputs.Length), labels.ToArray(), rows.ToArray());
    }

    public float[] Transform(CancellationInput input)
    {
        var row = new float[Schema.Count];
        Transform(input, row);
        return row;
    }

    public void Transform(CancellationInput input, Span<float> row)
    {
        row[0] = Categories[Fulfilment].Code(input.Fulfilment);
        row[1] = Categories[SalesChannel].Code(input.SalesChannel);
        row[2] = Categories[ServiceLevel].Code(input.ServiceLevel);
        row[3] = Categories[Category].Code(input.Category);
        row[4] = Categories[Size].Code(input.Size);
        row[5] = Categories[State].Code(CityKey(input.State));
        var (rate, frequency) = City.Encode(CityKey(input.City));
        row[6] = rate;
        row[7] = frequency;
        row[8] = input.Amount is { } amount ? (float)amount : float.NaN;
        row[9] = input.B2B ? 1 : 0;
        row[10] = (int)input.Weekday;
        if (Options.IncludePromotionIds)
            row[11] = string.IsNullOrWhiteSpace(input.PromotionIds) ? 0 : 1;
    }

    /// <summary>City and state keys: trimmed and upper case, so that the import's canonical form and raw text agree.</summary>
    private static string? CityKey(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpper(CultureInfo.InvariantCulture);
}
