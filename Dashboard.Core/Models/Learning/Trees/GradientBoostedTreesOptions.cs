namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>Hyper-parameters of <see cref="GradientBoostedTreesTrainer"/>; the defaults suit tens to hundreds of thousands of rows.</summary>
public sealed record GradientBoostedTreesOptions
{
    public double LearningRate { get; init; } = 0.1;
    public int MaxIterations { get; init; } = 500;
    public int MaxLeaves { get; init; } = 31;
    /// <summary>Depth limit; 0 means only <see cref="MaxLeaves"/> limits a tree.</summary>
    public int MaxDepth { get; init; }
    public int MinSamplesLeaf { get; init; } = 20;
    /// <summary>Minimum hessian sum in a child.</summary>
    public double MinChildWeight { get; init; } = 1e-3;
    public double L2 { get; init; } = 1;
    /// <summary>Extra L2 on categorical splits and the smoothing of the per-category ratio they are ordered by.</summary>
    public double CategoricalSmoothing { get; init; } = 10;
    public double MinGainToSplit { get; init; }
    /// <summary>Fraction of rows drawn for each tree (each distinct binned row, with all its copies, in or out independently).</summary>
    public double RowSubsample { get; init; } = 1;
    /// <summary>Fraction of features drawn for each tree.</summary>
    public double ColumnSubsample { get; init; } = 1;
    public int MaxBins { get; init; } = 255;
    /// <summary>Stop after this many rounds without improvement of the validation loss; 0 turns early stopping off.</summary>
    public int EarlyStoppingRounds { get; init; } = 20;
    public double ValidationFraction { get; init; } = 0.1;
    public int Seed { get; init; } = 42;
}
