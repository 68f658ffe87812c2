namespace Dashboard.Core.Models.Training;

/// <summary>
/// The contribution of every feature column to one prediction: <see cref="BaseValue"/> plus the sum of
/// <see cref="Contributions"/> equals <see cref="Value"/>. For a classifier the scale is log-odds
/// (<see cref="ExplanationScale.LogOdds"/>); for a regression it is the predicted value itself.
/// </summary>
public sealed record Explanation(double BaseValue, IReadOnlyList<double> Contributions, double Value, ExplanationScale Scale);

public enum ExplanationScale
{
    Identity,
    LogOdds,
}

/// <summary>The share of a model's importance owed to one input: the held-out metric lost when its columns are permuted
/// (ML.NET's permutation feature importance: AUC for classifiers, RMSE for regressions).</summary>
public sealed record FeatureImportance(string Feature, double Importance);

/// <summary>A step of a long training run: <see cref="Fraction"/> runs from 0 to 1 within the whole run.</summary>
public sealed record TrainingProgress(string Stage, double Fraction);

public static class ModelMath
{
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(p / (1 - p));
    }
}
