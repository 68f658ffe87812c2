namespace Dashboard.Core.Models.Training;

/// <summary>What the explanations need beyond ML.NET's own model file: stored next to it in the same zip.</summary>
internal sealed record TabularMeta(
    int Format, TabularTask Task, string Kind,
    double[]? FeatureMeans,
    double[][]? NodeValues);
