using System.Globalization;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// The rule for activating a new model. First, it must beat the baseline (the training base rate, or the training mean) on the
/// held-out rows by at least <see cref="MinGainOverBaseline"/>: a model that has learnt nothing is never made active, whatever
/// was active before. Second, it must not be worse than the active one on the same held-out rows. Classifiers are judged by
/// log loss (it rewards both ranking and calibrated probabilities), regressions by RMSE; lower is better, and a tie with the
/// active model activates the new one (it was trained on the newer data).
/// </summary>
public static class ModelPromotion
{
    /// <summary>The share by which the model's held-out metric must be lower than the baseline's: 0.1%.</summary>
    public const double MinGainOverBaseline = 0.001;

    public sealed record Decision(bool Activate, string Reason);

    public static Decision Decide(ClassificationMetrics candidate, ClassificationMetrics baseline, ClassificationMetrics? active, int? activeVersion) =>
        Decide("log loss", candidate.LogLoss, "the base-rate baseline", baseline.LogLoss, active?.LogLoss, activeVersion, "0.0000");

    public static Decision Decide(RegressionMetrics candidate, RegressionMetrics baseline, RegressionMetrics? active, int? activeVersion) =>
        Decide("RMSE", candidate.Rmse, "the mean baseline", baseline.Rmse, active?.Rmse, activeVersion, "N1");

    private static Decision Decide(string metric, double candidate, string baselineName, double baseline, double? active, int? activeVersion, string format)
    {
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        if (double.IsNaN(candidate))
            return new Decision(false, $"Not activated: its held-out {metric} could not be computed.");
        if (!double.IsNaN(baseline) && candidate > baseline * (1 - MinGainOverBaseline))
        {
            return new Decision(false, $"Not activated: held-out {metric} {F(candidate)} is no better than {baselineName}'s {F(baseline)} "
                + "(it must be at least 0.1% lower): the model has learnt nothing the baseline does not know.");
        }
        if (active is not { } current || activeVersion is null)
            return new Decision(true, $"Activated: the first model of its kind (held-out {metric} {F(candidate)}, {baselineName} {F(baseline)}).");
        if (double.IsNaN(current) || candidate <= current)
            return new Decision(true, $"Activated: held-out {metric} {F(candidate)}, not worse than version {activeVersion}'s {F(current)} on the same rows.");
        return new Decision(false, $"Kept but not activated: held-out {metric} {F(candidate)} is worse than active version {activeVersion}'s {F(current)} on the same rows.");
    }
}
