using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Learning;

namespace Dashboard.Core.Models.Training;

/// <summary>The contribution of one form input (several feature columns may belong to one input, e.g. a city's rate and frequency).</summary>
public sealed record InputContribution(string Input, double Contribution);

/// <summary>A cancellation risk: a probability, and the inputs' contributions in log-odds around <see cref="BaseLogOdds"/>.</summary>
public sealed record CancellationPrediction(double Probability, double BaseLogOdds, IReadOnlyList<InputContribution> Contributions);

/// <summary>A predicted purchase amount with a held-out residual interval and the inputs' contributions around <see cref="BaseValue"/>.</summary>
public sealed record PurchasePrediction(double Amount, double Low, double High, double BaseValue, IReadOnlyList<InputContribution> Contributions);

/// <summary>A cancellation model ready to score: its feature pipeline and its classifier, stored and loaded together.</summary>
public sealed class CancellationModel
{
    private readonly InputMap _inputs;

    public CancellationModel(CancellationFeatures features, IBinaryClassifier classifier)
    {
        Features = features;
        Classifier = classifier;
        _inputs = new InputMap(features.Schema, CancellationFeatures.InputOf);
    }

    public CancellationFeatures Features { get; }
    public IBinaryClassifier Classifier { get; }
    public string Kind => Classifier.Kind;

    public double PredictProbability(CancellationInput input)
    {
        Span<float> row = stackalloc float[Features.Schema.Count];
        Features.Transform(input, row);
        return Classifier.PredictProbability(row);
    }

    public CancellationPrediction Predict(CancellationInput input)
    {
        var row = Features.Transform(input);
        var explanation = Classifier.Explain(row);
        return new CancellationPrediction(ModelMath.Sigmoid(explanation.Value), explanation.BaseValue, _inputs.Sum(explanation));
    }

    public IReadOnlyList<FeatureImportance> Importance => ModelBundles.ImportanceByInput(Classifier.Importance, CancellationFeatures.InputOf);

    public byte[] Serialize() => ModelSerializer.Serialize(this);

    public static CancellationModel Deserialize(ReadOnlySpan<byte> bytes) => ModelSerializer.DeserializeCancellation(bytes);
}

/// <summary>A purchase model ready to score: its feature pipeline, its regression and the residual quantiles of its interval.</summary>
public sealed class PurchaseModel
{
    private readonly InputMap _inputs;

    public PurchaseModel(PurchaseFeatures features, IRegressionModel regression, double residualLow, double residualHigh, double intervalCoverage)
    {
        _inputs = new InputMap(features.Schema, PurchaseFeatures.InputOf);
        Features = features;
        Regression = regression;
        ResidualLow = residualLow;
        ResidualHigh = residualHigh;
        IntervalCoverage = intervalCoverage;
    }

    public PurchaseFeatures Features { get; }
    public IRegressionModel Regression { get; }
    /// <summary>The lower residual quantile (actual − predicted) on held-out rows; negative.</summary>
    public double ResidualLow { get; }
    public double ResidualHigh { get; }
    /// <summary>The nominal share of held-out rows inside [prediction + low, prediction + high], e.g. 0.8.</summary>
    public double IntervalCoverage { get; }
    public string Kind => Regression.Kind;

    public double PredictAmount(PurchaseInput input)
    {
        Span<float> row = stackalloc float[Features.Schema.Count];
        Features.Transform(input, row);
        return Regression.Predict(row);
    }

    public PurchasePrediction Predict(PurchaseInput input)
    {
        var row = Features.Transform(input);
        var explanation = Regression.Explain(row);
        return new PurchasePrediction(explanation.Value, Math.Max(0, explanation.Value + ResidualLow), explanation.Value + ResidualHigh,
            explanation.BaseValue, _inputs.Sum(explanation));
    }

    public IReadOnlyList<FeatureImportance> Importance => ModelBundles.ImportanceByInput(Regression.Importance, PurchaseFeatures.InputOf);

    public byte[] Serialize() => ModelSerializer.Serialize(this);

    public static PurchaseModel Deserialize(ReadOnlySpan<byte> bytes) => ModelSerializer.DeserializePurchase(bytes);
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

internal static class ModelBundles
{
    public static IReadOnlyList<FeatureImportance> ImportanceByInput(IReadOnlyList<FeatureImportance> importance, Func<string, string> inputOf) =>
        importance.GroupBy(i => inputOf(i.Feature)).Select(g => new FeatureImportance(g.Key, g.Sum(i => i.Importance)))
            .OrderByDescending(i => i.Importance).ToArray();
}
