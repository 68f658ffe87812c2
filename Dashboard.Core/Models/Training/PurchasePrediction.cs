
namespace Dashboard.Core.Models.Training;

/// <summary>A predicted purchase amount with a held-out residual interval and the inputs' contributions around <see cref="BaseValue"/>.</summary>
public sealed record PurchasePrediction(double Amount, double Low, double High, double BaseValue, IReadOnlyList<InputContribution> Contributions);
