namespace Dashboard.Core.Models.Learning;

/// <summary>
/// The contribution of every input to one prediction: <see cref="BaseValue"/> plus the sum of
/// <see cref="Contributions"/> equals <see cref="Value"/>. For a classifier the scale is log-odds
/// (<see cref="ExplanationScale.LogOdds"/>); for a regression it is the predicted value itself.
/// </summary>
public sealed record Explanation(double BaseValue, IReadOnlyList<double> Contributions, double Value, ExplanationScale Scale);

public enum ExplanationScale
{
    Identity,
    LogOdds,
}

/// <summary>The share of a model's total importance (gain for trees, |standardised coefficient| for linear models) owed to one input.</summary>
public sealed record FeatureImportance(string Feature, double Importance);

/// <summary>A step of a long training run: <see cref="Fraction"/> runs from 0 to 1 within the whole run.</summary>
public sealed record TrainingProgress(string Stage, double Fraction);

/// <summary>A trained regression model scoring feature vectors laid out as <see cref="Schema"/> says.</summary>
public interface IRegressionModel
{
    string Kind { get; }

    FeatureSchema Schema { get; }

    IReadOnlyList<FeatureImportance> Importance { get; }

    double Predict(ReadOnlySpan<float> features);

    Explanation Explain(ReadOnlySpan<float> features);
}

/// <summary>A trained binary classifier; <see cref="PredictProbability"/> is the probability of the positive class.</summary>
public interface IBinaryClassifier
{
    string Kind { get; }

    FeatureSchema Schema { get; }

    IReadOnlyList<FeatureImportance> Importance { get; }

    double PredictProbability(ReadOnlySpan<float> features);

    /// <summary>Contributions in log-odds: the probability is the logistic function of <see cref="Explanation.Value"/>.</summary>
    Explanation Explain(ReadOnlySpan<float> features);
}

public interface IRegressionTrainer
{
    IRegressionModel Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Trains on labels that are 0 or 1.</summary>
public interface IBinaryClassifierTrainer
{
    IBinaryClassifier Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}

public static class ModelMath
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }
}
