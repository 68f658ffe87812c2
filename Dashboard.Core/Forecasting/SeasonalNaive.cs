namespace Dashboard.Core.Forecasting;

/// <summary>
/// The seasonal-naive forecast, the yardstick every other method must beat: each step's value is the value one season
/// earlier (the same weekday last week; at week grain, last week). A missing value is replaced by its own prediction.
/// </summary>
internal static class SeasonalNaive
{
    /// <summary>
    /// The values of the first <paramref name="n"/> steps with each missing one filled by its prediction (a missing value in
    /// the first season by the mean of the season's known values).
    /// </summary>
    public static double[] Filled(ReadOnlySpan<double> y, ReadOnlySpan<bool> missing, int n, int m)
    {
        var filled = y[..n].ToArray();
        double sum = 0;
        var count = 0;
        for (var i = 0; i < m && i < n; i++)
        {
            if (!missing[i])
            {
                sum += y[i];
                count++;
            }
        }
        for (var t = 0; t < n; t++)
        {
            if (missing[t])
            {
                filled[t] = t >= m ? filled[t - m] : count == 0 ? 0 : sum / count;
            }
        }
        return filled;
    }

    /// <summary>The forecast <paramref name="h"/> steps (1 the next) after the end of <paramref name="filled"/>.</summary>
    public static double Forecast(ReadOnlySpan<double> filled, int m, int h) =>
        filled[filled.Length - m + (h - 1) % m];
}
