
namespace Dashboard.Core.Analytics;

/// <summary>
/// What is stored, per format: how many rows, whether they are sample data, and the dates they span; and the currency
/// most order lines carry (null when none has one), which picks the default display culture.
/// </summary>
public sealed record DatasetSummary(
    DatasetPart Orders,
    DatasetPart Purchases,
    DatasetPart PurchasesToScore,
    int Batches,
    string? MainCurrency = null);
