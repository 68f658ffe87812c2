using Dashboard.Core.Models.Training;

namespace Dashboard.Core.Models.Scoring;

/// <summary>The cancellation risk of one what-if order line by each active model, the explanation of the main one and the hint.</summary>
public sealed record CancellationWhatIf(
    double? LinearProbability, double? BoostedProbability, string ModelName, int Version, CancellationPrediction Prediction,
    IReadOnlyList<WhatIfChange> Lower, IReadOnlyList<WhatIfChange> Higher);
