using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>A purchase model ready to score: its feature pipeline, its ML.NET model and the residual quantiles of its interval.</summary>
public sealed class PurchaseModel
{
    private const string FeaturesEntry = "Dashboard/purchase-features.json";
    private readonly InputMap _inputs;

    internal PurchaseModel(PurchaseFeatures features, TabularModel model, IReadOnlyList<FeatureImportance> importance, double residualLow,
        double residualHigh, double intervalCoverage)
    {
        _inputs = new InputMap(features.Schema, PurchaseFeatures.InputOf);
        Features = features;
        Tabular = model;
        Importance = importance;
        ResidualLow = residualLow;
        ResidualHigh = residualHigh;
        IntervalCoverage = intervalCoverage;
    }

    public PurchaseFeatures Features { get; }
    internal TabularModel Tabular { get; }
    public IReadOnlyList<FeatureImportance> Importance { get; }
    /// <summary>The lower residual quantile (actual − predicted) on held-out rows; negative.</summary>
    public double ResidualLow { get; }
    public double ResidualHigh { get; }
    /// <summary>The nominal share of held-out rows inside [prediction + low, prediction + high], e.g. 0.8.</summary>
    public double IntervalCoverage { get; }
    public string Kind => Tabular.Kind;

    public double PredictAmount(PurchaseInput input) => Tabular.Predict(Features.Transform(input));

    /// <summary>Amounts of many rows with one ML.NET <c>Transform</c>.</summary>
    public double[] PredictAmounts(IEnumerable<PurchaseInput> inputs) => Tabular.PredictBatch(inputs.Select(Features.Transform));

    /// <summary>Amounts of <paramref name="rows"/> of <paramref name="source"/> with one ML.NET <c>Transform</c>.</summary>
    public double[] PredictAmounts(PurchaseSource source, ReadOnlySpan<int> rows) => Tabular.PredictBatch(Features.Transform(source, rows));

    public PurchasePrediction Predict(PurchaseInput input)
    {
        var explanation = Tabular.Explain(Features.Transform(input));
        return new PurchasePrediction(explanation.Value, Math.Max(0, explanation.Value + ResidualLow), explanation.Value + ResidualHigh,
            explanation.BaseValue, _inputs.Sum(explanation));
    }

    public Explanation Explain(PurchaseInput input) => Tabular.Explain(Features.Transform(input));

    public byte[] Serialize() => Tabular.Save(new Dictionary<string, byte[]>
    {
        [FeaturesEntry] = ModelInfo.Write(new ModelInfo
        {
            Purchase = Features, Importance = Importance, ResidualLow = ResidualLow, ResidualHigh = ResidualHigh, IntervalCoverage = IntervalCoverage,
        }),
    });

    public static PurchaseModel Deserialize(byte[] bytes)
    {
        var info = ModelInfo.Read(TabularModel.ReadEntry(bytes, FeaturesEntry));
        var features = info.Purchase ?? throw new InvalidDataException("The stored model has no feature pipeline.");
        return new PurchaseModel(features, TabularModel.Load(bytes, features.Schema), info.Importance, info.ResidualLow, info.ResidualHigh,
            info.IntervalCoverage);
    }
}
