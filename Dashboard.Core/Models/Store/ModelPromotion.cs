using System.Globalization;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// The rule for activating a new model: it must not be worse than the active one on the same held-out rows. Classifiers are
/// judged by log loss (it rewards both ranking and calibrated probabilities), regressions by RMSE; lower is better, and a tie
/// activates the new model (it was trained on the newer data).
/// </summary>
public static class ModelPromotion
{
    public sealed record Decision(bool Activate, string Reason);

    public static Decision Decide(ClassificationMetrics candidate, ClassificationMetrics? active, int? activeVersion) =>
        Decide("log loss", candidate.LogLoss, active?.LogLoss, activeVersion, "0.0000");

    public static Decision Decide(RegressionMetrics candidate, RegressionMetrics? active, int? activeVersion) =>
        Decide("RMSE", candidate.Rmse, active?.Rmse, activeVersion, "N1");

    private static Decision Decide(string metric, double candidate, double? active, int? activeVersion, string format)
    {
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        if (double.IsNaN(candidate))
            return new Decision(false, $"Not activated: its held-out {metric} could not be computed.");
        if (active is not { } current || activeVersion is null)
            return new Decision(true, $"Activated: the first model of its kind (held-out {metric} {F(candidate)}).");
        if (double.IsNaN(current) || candidate <= current)
            return new Decision(true, $"Activated: held-out {metric} {F(candidate)}, not worse than version {activeVersion}'s {F(current)} on the same rows.");
        return new Decision(false, $"Kept but not activated: held-out {metric} {F(candidate)} is worse than active version {activeVersion}'s {F(current)} on the same rows.");
    }
}
