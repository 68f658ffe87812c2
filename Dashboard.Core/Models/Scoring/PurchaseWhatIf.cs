using Dashboard.Core.Models.Training;

namespace Dashboard.Core.Models.Scoring;

/// <summary>The predicted amount of one what-if purchase by each active model, with the main model's interval and explanation.</summary>
public sealed record PurchaseWhatIf(double? LinearAmount, double? BoostedAmount, string ModelName, int Version, PurchasePrediction Prediction,
    double IntervalCoverage);
