using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>How the cancellation models are trained and judged.</summary>
public sealed record CancellationTrainingOptions
{
    public CancellationFeatureOptions Features { get; init; } = new();

    /// <summary>First order date of the held-out period; null means the first day of the latest month with labelled lines.</summary>
    public DateOnly? TestFrom { get; init; }

    /// <summary>End (exclusive) of the held-out period; null means one month after <see cref="TestFrom"/>.</summary>
    public DateOnly? TestTo { get; init; }

    /// <summary>The simple, explainable model: L-BFGS logistic regression, its L2 strength chosen by cross-validation.</summary>
    public LinearSettings Linear { get; init; } = new();

    /// <summary>The stronger model: LightGbm boosted trees, early-stopped on a validation fold and Platt-calibrated on it.</summary>
    public TreeSettings Trees { get; init; } = new() { Leaves = 31, Trees = 400, LearningRate = 0.05, EarlyStoppingRounds = 30 };

    /// <summary>The models benchmark's protocol (docs/BENCHMARKS.md): train on order dates before 2022-06-01, test on June 2022.</summary>
    public static CancellationTrainingOptions Protocol => new()
    {
        TestFrom = new DateOnly(2022, 6, 1),
        TestTo = new DateOnly(2022, 7, 1),
    };
}
