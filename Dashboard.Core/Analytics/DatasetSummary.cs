
namespace Dashboard.Core.Analytics;

/// <summary>What is stored, per format: how many rows, whether they are sample data, and the dates they span.</summary>
public sealed record DatasetSummary(
    DatasetPart Orders,
    DatasetPart Purchases,
    DatasetPart PurchasesToScore,
    int Batches);
