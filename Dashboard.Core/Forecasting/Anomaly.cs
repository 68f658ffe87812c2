namespace Dashboard.Core.Forecasting;

/// <summary>A past period whose value fell outside the 95% one-step-ahead range (<paramref name="Low"/>–<paramref name="High"/>) around <paramref name="Expected"/>.</summary>
public sealed record Anomaly(DateOnly Date, double Value, double Expected, double Low, double High);
