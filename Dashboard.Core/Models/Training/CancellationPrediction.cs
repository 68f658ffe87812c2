
namespace Dashboard.Core.Models.Training;

/// <summary>A cancellation risk: a probability, and the inputs' contributions in log-odds around <see cref="BaseLogOdds"/>.</summary>
public sealed record CancellationPrediction(double Probability, double BaseLogOdds, IReadOnlyList<InputContribution> Contributions);
