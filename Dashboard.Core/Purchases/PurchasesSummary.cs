namespace Dashboard.Core.Purchases;

public sealed record PurchasesSummary(
    PurchaseFilter Filter,
    int Count,
    long Total,
    double? Mean,
    int? Min,
    int? Max,
    IReadOnlyList<Quantile> Quantiles,
    int BinWidth,
    IReadOnlyList<HistogramBin> Histogram,
    IReadOnlyList<PurchaseBreakdown> Breakdowns);
