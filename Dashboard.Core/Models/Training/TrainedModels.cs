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
    public CancellationModel(CancellationFeatures features, IBinaryClassifier classifier)
    {
        Features = features;
        Classifier = classifier;
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
        return new CancellationPrediction(ModelMath.Sigmoid(explanation.Value), explanation.BaseValue,
            ByInput(Features.Schema, explanation, CancellationFeatures.InputOf));
    }

    public IReadOnlyList<FeatureImportance> Importance => ModelBundles.ImportanceByInput(Classifier.Importance, CancellationFeatures.InputOf);

    public byte[] Serialize() => ModelSerializer.Serialize(this);

    public static CancellationModel Deserialize(ReadOnlySpan<byte> bytes) => ModelSerializer.DeserializeCancellation(bytes);

    internal static IReadOnlyList<InputContribution> ByInput(FeatureSchema schema, Explanation explanation, Func<string, string> inputOf) =>
        ModelBundles.ByInput(schema, explanation, inputOf);
}

/// <summary>A purchase model ready to score: its feature pipeline, its regression and the residual quantiles of its interval.</summary>
public sealed class PurchaseModel
{
    public PurchaseModel(PurchaseFeatures features, IRegressionModel regression, double residualLow, double residualHigh, double intervalCoverage)
    {
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
            explanation.BaseValue, ModelBundles.ByInput(Features.Schema, explanation, PurchaseFeatures.InputOf));
    }

    public IReadOnlyList<FeatureImportance> Importance => ModelBundles.ImportanceByInput(Regression.Importance, PurchaseFeatures.InputOf);

    public byte[] Serialize() => ModelSerializer.Serialize(this);

    public static PurchaseModel Deserialize(ReadOnlySpan<byte> bytes) => ModelSerializer.DeserializePurchase(bytes);
}

internal static class ModelBundles
{
    public static IReadOnlyList<InputContribution> ByInput(FeatureSchema schema, Explanation explanation, Func<string, string> inputOf)
    {
        var sums = new Dictionary<string, double>();
        var order = new List<string>();
        for (var f = 0; f < schema.Count; f++)
        {
            var input = inputOf(schema.Features[f].Name);
            if (!sums.ContainsKey(input))
            {
                sums[input] = 0;
                order.Add(input);
            }
            sums[input] += explanation.Contributions[f];
        }
        return order.Select(i => new InputContribution(i, sums[i])).ToArray();
    }

    public static IReadOnlyList<FeatureImportance> ImportanceByInput(IReadOnlyList<FeatureImportance> importance, Func<string, string> inputOf) =>
        importance.GroupBy(i => inputOf(i.Feature)).Select(g => new FeatureImportance(g.Key, g.Sum(i => i.Importance)))
            .OrderByDescending(i => i.Importance).ToArray();
}
