using Dashboard.Core.Display;

namespace Dashboard.Core.Forecasting;

/// <summary>An unusual day of orders as people read it, in the reader's number format: "Tue 21 Jun: 1,941 orders, expected 1,150–1,420".</summary>
public static class AnomalyText
{
    public static string Describe(Anomaly anomaly, DisplayNumbers numbers)
    {
        static long Whole(double value) => (long)Math.Round(Math.Max(0, value), MidpointRounding.AwayFromZero);
        return $"{anomaly.Date.ToString("ddd d MMM", numbers.Culture)}: {numbers.Count(Whole(anomaly.Value))} orders, " +
            $"expected {numbers.Count(Whole(anomaly.Low))}–{numbers.Count(Whole(anomaly.High))}";
    }
}
