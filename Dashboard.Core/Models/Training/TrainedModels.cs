using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>The contribution of one form input (several feature columns may belong to one input, e.g. a city's rate and frequency).</summary>
public sealed record InputContribution(string Input, double Contribution);

/// <summary>A cancellation risk: a probability, and the inputs' contributions in log-odds around <see cref="BaseLogOdds"/>.</summary>
public sealed record CancellationPrediction(double Probability, double BaseLogOdds, IReadOnlyList<InputContribution> Contributions);

/// <summary>A predicted purchase amount with a held-out residual interval and the inputs' contributions around <see cref="BaseValue"/>.</summary>
public sealed record PurchasePrediction(double Amount, double Low, double High, double BaseValue, IReadOnlyList<InputContribution> Contributions);

/// <summary>A cancellation model ready to score: its feature pipeline and its ML.NET model, stored and loaded together.</summary>
public sealed class CancellationModel
{
    private const string FeaturesEntry = "Dashboard/cancellation-features.json";
    private readonly InputMap _inputs;

    internal CancellationModel(CancellationFeatures features, TabularModel model, IReadOnlyList<FeatureImportance> importance)
    {
        Features = features;
        Tabular = model;
        Importance = importance;
        _inputs = new InputMap(features.Schema, CancellationFeatures.InputOf);
    }

    public CancellationFeatures Features { get; }
    internal TabularModel Tabular { get; }
    public string Kind => Tabular.Kind;
    /// <summary>Permutation importance by input, computed once when the model was trained.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; }

    public double PredictProbability(CancellationInput input) => Tabular.Predict(Features.Transform(input));

    /// <summary>Probabilities of many lines with one ML.NET <c>Transform</c>.</summary>
    public double[] PredictProbabilities(IEnumerable<CancellationInput> inputs) => Tabular.PredictBatch(inputs.Select(Features.Transform));

    public CancellationPrediction Predict(CancellationInput input)
    {
        var explanation = Tabular.Explain(Features.Transform(input));
        return new CancellationPrediction(ModelMath.Sigmoid(explanation.Value), explanation.BaseValue, _inputs.Sum(explanation));
    }

    /// <summary>The model's explanation by feature column (before summing columns to inputs).</summary>
    public Explanation Explain(CancellationInput input) => Tabular.Explain(Features.Transform(input));

    public byte[] Serialize() => Tabular.Save(new Dictionary<string, byte[]>
    {
        [FeaturesEntry] = ModelInfo.Write(new ModelInfo { Cancellation = Features, Importance = Importance }),
    });

    public static CancellationModel Deserialize(byte[] bytes)
    {
        var info = ModelInfo.Read(TabularModel.ReadEntry(bytes, FeaturesEntry));
        var features = info.Cancellation ?? throw new InvalidDataException("The stored model has no feature pipeline.");
        return new CancellationModel(features, TabularModel.Load(bytes, features.Schema), info.Importance);
    }
}

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

/// <summary>Our part of a stored model, next to ML.NET's: the feature pipeline (category levels, target encodings), the
/// importance and the interval.</summary>
internal sealed class ModelInfo
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public CancellationFeatures? Cancellation { get; init; }
    public PurchaseFeatures? Purchase { get; init; }
    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];
    public double ResidualLow { get; init; }
    public double ResidualHigh { get; init; }
    public double IntervalCoverage { get; init; }

    public static byte[] Write(ModelInfo info) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(info, Json);

    public static ModelInfo Read(byte[] bytes) =>
        System.Text.Json.JsonSerializer.Deserialize<ModelInfo>(bytes, Json) ?? throw new InvalidDataException("The stored model's information is empty.");
}

/// <summary>Which form input each feature column belongs to, worked out once per model.</summary>
internal sealed class InputMap
{
    private readonly string[] _inputs;
    private readonly int[] _inputOfFeature;

    public InputMap(FeatureSchema schema, Func<string, string> inputOf)
    {
        var names = schema.Features.Select(f => inputOf(f.Name)).ToArray();
        _inputs = names.Distinct().ToArray();
        _inputOfFeature = names.Select(n => Array.IndexOf(_inputs, n)).ToArray();
    }

    public InputContribution[] Sum(Explanation explanation)
    {
        var sums = new double[_inputs.Length];
        for (var f = 0; f < _inputOfFeature.Length; f++)
            sums[_inputOfFeature[f]] += explanation.Contributions[f];
        var result = new InputContribution[_inputs.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = new InputContribution(_inputs[i], sums[i]);
        return result;
    }
}
