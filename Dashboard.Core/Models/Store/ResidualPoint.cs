
namespace Dashboard.Core.Models.Store;

/// <summary>One held-out purchase: the prediction and how far the actual amount was from it.</summary>
public sealed record ResidualPoint(double Predicted, double Residual);
