using System.Globalization;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The cancellation model's one feature pipeline, used the same way in training and scoring. Inputs: fulfilment,
/// sales channel, service level, category, size, state (one-hot / categorical), city (smoothed target encoding,
/// out-of-fold in training, plus its frequency), amount, B2B and weekday; promotion-ids only when switched on.
/// Nothing else of an order line can reach a model: training reads these columns of a <see cref="CancellationSource"/>, a
/// single request a <see cref="CancellationInput"/>, through the same rules.
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

    /// <summary>
    /// The feature matrix and labels of <paramref name="rows"/> of <paramref name="source"/> (labelled rows, in the order the
    /// models read them), with the pipeline's encodings fitted on exactly these rows, the city encoding out-of-fold.
    /// </summary>
    public static (CancellationFeatures Features, FeatureMatrix X, double[] Y) FitTransform(
        CancellationSource source, ReadOnlySpan<int> rows, CancellationFeatureOptions options)
    {
        var labels = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            labels[i] = source.Label(rows[i]) ?? throw new ArgumentException("Only labelled rows can be fitted on.", nameof(rows));
        var categories = new Dictionary<string, CategoryIndex>();
        foreach (var (name, column, _) in Texts)
            categories[name] = CategoryIndex.Fit(column(source).Map(rows, text => Key(name, text)), options.MinLevelCount);
        var (city, cityRate, cityFrequency) = TargetEncoder.FitOutOfFold(
            source.City.Map(rows, CityKey), labels, options.CitySmoothing, options.EncodingFolds, options.Seed);
        var features = new CancellationFeatures(options, categories, city);
        var x = features.Transform(source, rows);
        var width = x.Columns;
        for (var i = 0; i < rows.Length; i++)
        {
            x.Values[i * width + CityRateColumn] = cityRate[i];
            x.Values[i * width + CityFrequencyColumn] = cityFrequency[i];
        }
        return (features, x, labels);
    }

    /// <summary>The feature matrix of <paramref name="rows"/> of <paramref name="source"/>, column by column: each text rule
    /// runs once per distinct name of the frame's column, then every row takes its code's value.</summary>
    public FeatureMatrix Transform(CancellationSource source, ReadOnlySpan<int> rows)
    {
        var width = Schema.Count;
        var values = new float[rows.Length * width];
        for (var c = 0; c < Texts.Length; c++)
        {
            var (name, column, _) = Texts[c];
            Put(values, width, c, column(source).Map(rows, text => Level(name, text)));
        }
        var cities = source.City.Map(rows, text => City.Encode(CityKey(text)));
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var at = i * width;
            (values[at + CityRateColumn], values[at + CityFrequencyColumn]) = cities[i];
            values[at + AmountColumn] = AmountValue(source.Amount(row));
            values[at + B2BColumn] = Flag(source.B2B.Span[row]);
            values[at + WeekdayColumn] = WeekdayValue((DayOfWeek)source.Weekday.Span[row]);
        }
        if (Options.IncludePromotionIds)
            Put(values, width, PromotionColumn, source.PromotionIds.Map(rows, HasText));
        return new FeatureMatrix(Schema, values, rows.Length);
    }

    public float[] Transform(CancellationInput input)
    {
        var row = new float[Schema.Count];
        Transform(input, row);
        return row;
    }

    /// <summary>One request's features, by the same rules as <see cref="Transform(CancellationSource, ReadOnlySpan{int})"/>.</summary>
    public void Transform(CancellationInput input, Span<float> row)
    {
        for (var c = 0; c < Texts.Length; c++)
            row[c] = Level(Texts[c].Name, Texts[c].Text(input));
        (row[CityRateColumn], row[CityFrequencyColumn]) = City.Encode(CityKey(input.City));
        row[AmountColumn] = AmountValue(input.Amount);
        row[B2BColumn] = Flag(input.B2B);
        row[WeekdayColumn] = WeekdayValue(input.Weekday);
        if (Options.IncludePromotionIds)
            row[PromotionColumn] = HasText(input.PromotionIds);
    }

    // The feature rules, each in one place: the frame's columns apply them per name (or per row), a request per value.

    /// <summary>The text inputs (one-hot / categorical), in column order: the source's column and the request's field.</summary>
    private static readonly (string Name, Func<CancellationSource, CodedColumn> Column, Func<CancellationInput, string?> Text)[] Texts =
    [
        (Fulfilment, s => s.Fulfilment, x => x.Fulfilment),
        (SalesChannel, s => s.SalesChannel, x => x.SalesChannel),
        (ServiceLevel, s => s.ServiceLevel, x => x.ServiceLevel),
        (Category, s => s.Category, x => x.Category),
        (Size, s => s.Size, x => x.Size),
        (State, s => s.State, x => x.State),
    ];

    private const int CityRateColumn = 6, CityFrequencyColumn = 7, AmountColumn = 8, B2BColumn = 9, WeekdayColumn = 10, PromotionColumn = 11;

    /// <summary>The text a categorical input's levels are counted and looked up by (the state as the city: trimmed, upper case).</summary>
    private static string? Key(string feature, string? text) => feature == State ? CityKey(text) : text;

    private float Level(string feature, string? text) => Categories[feature].Code(Key(feature, text));

    private static float AmountValue(decimal? amount) => amount is { } a ? (float)a : float.NaN;

    private static float Flag(bool value) => value ? 1 : 0;

    private static float WeekdayValue(DayOfWeek day) => (int)day;

    private static float HasText(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : 1;

    private static void Put(float[] values, int width, int column, float[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
            values[i * width + column] = rows[i];
    }

    /// <summary>City and state keys: trimmed and upper case, so that the import's canonical form and raw text agree.</summary>
    private static string? CityKey(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpper(CultureInfo.InvariantCulture);
}
