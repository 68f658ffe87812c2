namespace Dashboard.Core.Models.Training;

/// <summary>LightGbm boosted trees on ML.NET, splitting a categorical input on sets of its levels (LightGbm's own categorical
/// split over the one-hot slots) rather than one slot at a time. Early stopping on a validation fold of
/// <see cref="ValidationFraction"/> of the training rows; a classifier's probabilities are Platt-calibrated on the same fold.
/// LightGbm's OpenMP threads are told to sleep when idle (<see cref="OpenMp.SleepWhenIdle"/>).</summary>
public sealed record TreeSettings
{
    public int Leaves { get; init; } = 31;
    public int Trees { get; init; } = 300;
    public double LearningRate { get; init; } = 0.1;
    public int MinExamplesPerLeaf { get; init; } = 20;
    public double ValidationFraction { get; init; } = 0.1;
    /// <summary>Training stops after this many trees without a better validation score.</summary>
    public int EarlyStoppingRounds { get; init; } = 20;
    /// <summary>LightGbm's threads; null uses every core. One by default: on the purchase protocol (440k rows, 2 cores) one
    /// thread trained as fast as two (5.0–5.6 s against 5.6–6.3 s, the same trees), it leaves the other cores to the app's
    /// requests, and it starts no OpenMP pool to spin (docs/BENCHMARKS.md).</summary>
    public int? Threads { get; init; } = 1;
}
