namespace Dashboard.Core.Models.Training;

/// <summary>The regularised linear model: L2 strengths tried by k-fold cross-validation (ML.NET's <c>CrossValidate</c>) on at most
/// <see cref="MaxCrossValidationRows"/> training rows; the best is refitted on all of them. L-BFGS logistic regression for
/// classifiers, SDCA for regressions.</summary>
public sealed record LinearSettings
{
    public IReadOnlyList<float> L2 { get; init; } = [0.01f, 0.1f, 1f];
    public int Folds { get; init; } = 3;
    public int MaxCrossValidationRows { get; init; } = 50_000;
}
