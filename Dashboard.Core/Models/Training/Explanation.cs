namespace Dashboard.Core.Models.Training;

/// <summary>
/// The contribution of every feature column to one prediction: <see cref="BaseValue"/> plus the sum of
/// <see cref="Contributions"/> equals <see cref="Value"/>. For a classifier the scale is log-odds
/// (<see cref="ExplanationScale.LogOdds"/>); for a regression it is the predicted value itself.
/// </summary>
public sealed record Explanation(double BaseValue, IReadOnlyList<double> Contributions, double Value, ExplanationScale Scale);
