using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Learning;
using Dashboard.Core.Models.Learning.Linear;
using Dashboard.Core.Models.Learning.Trees;

namespace Dashboard.Core.Models.Training;

/// <summary>How the cancellation models are trained and judged.</summary>
public sealed record CancellationTrainingOptions
{
    public CancellationFeatureOptions Features { get; init; } = new();

    /// <summary>First order date of the held-out period; null means the first day of the latest month with labelled lines.</summary>
    public DateOnly? TestFrom { get; init; }

    /// <summary>End (exclusive) of the held-out period; null means one month after <see cref="TestFrom"/>.</summary>
    public DateOnly? TestTo { get; init; }

    /// <summary>The simple, explainable model: L2 logistic regression tuned by cross-validation. Any trainer can stand in
    /// (e.g. an ML.NET one), but <see cref="ModelSerializer"/> stores only this project's model types.</summary>
    public IBinaryClassifierTrainer Linear { get; init; } = new LogisticRegressionTrainer();

    /// <summary>The stronger model: boosted trees.</summary>
    public IBinaryClassifierTrainer Trees { get; init; } = new GradientBoostedTreesTrainer(new GradientBoostedTreesOptions
    {
        LearningRate = 0.05,
        MaxIterations = 600,
        MaxLeaves = 31,
        MinSamplesLeaf = 20,
        EarlyStoppingRounds = 30,
    });

    /// <summary>The protocol: train on order dates before 2022-06-01, test on June 2022.</summary>
    public static CancellationTrainingOptions Protocol => new()
    {
        TestFrom = new DateOnly(2022, 6, 1),
        TestTo = new DateOnly(2022, 7, 1),
    };
}

/// <summary>How the purchase models are trained and judged.</summary>
public sealed record PurchaseTrainingOptions
{
    public PurchaseFeatureOptions Features { get; init; } = new();

    /// <summary>Share of the rows held out (at random, with <see cref="Seed"/>) for metrics and the interval.</summary>
    public double TestFraction { get; init; } = 0.2;

    public int Seed { get; init; } = 42;

    /// <summary>Nominal coverage of the prediction interval, from held-out residual quantiles.</summary>
    public double IntervalCoverage { get; init; } = 0.8;

    /// <summary>The simple, explainable model: ridge regression tuned by cross-validation (see <see cref="CancellationTrainingOptions.Linear"/>).</summary>
    public IRegressionTrainer Linear { get; init; } = new RidgeRegressionTrainer();

    /// <summary>The stronger model: boosted trees, tuned on the public training file: on the protocol they early-stop near
    /// 165 trees (RMSE ≈ 2,834) in about 4–5 s on 2 cores.</summary>
    public IRegressionTrainer Trees { get; init; } = new GradientBoostedTreesTrainer(new GradientBoostedTreesOptions
    {
        LearningRate = 0.25,
        MaxIterations = 250,
        MaxLeaves = 63,
        MinSamplesLeaf = 20,
        EarlyStoppingRounds = 20,
    });

    /// <summary>The protocol: a random 80/20 split with seed 42.</summary>
    public static PurchaseTrainingOptions Protocol => new();
}
