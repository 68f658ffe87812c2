namespace Dashboard.Core.Forecasting;

/// <summary>
/// Interval offsets per horizon from a backtest's errors (actual − forecast; docs/decisions/0034-forecast-method-and-intervals.md):
/// at horizon h, the 10% and 90% (80% band) and 2.5% and 97.5% (95% band) empirical quantiles of the errors at horizons
/// h−1..h+1, never narrower than at a shorter horizon; past the backtested horizon H they widen as √(h/H).
/// </summary>
internal sealed class ForecastBands
{
    /// <summary>The fewest errors a band is taken from; with fewer at the first horizon no band is given.</summary>
    public const int MinErrors = 8;

    /// <summary>[h]: the offsets from the forecast of the 95% band's low end, the 80% band's low end, its high end and the 95% band's.</summary>
    private readonly (double Low95, double Low80, double High80, double High95)[] _offsets;

    private ForecastBands((double, double, double, double)[] offsets) => _offsets = offsets;

    /// <summary>The bands from <paramref name="errors"/>, or null when there are too few to take any from.</summary>
    public static ForecastBands? From(IEnumerable<BacktestError> errors, int horizon)
    {
        var byHorizon = new List<double>[horizon + 2];
        for (var i = 0; i < byHorizon.Length; i++)
        {
            byHorizon[i] = [];
        }
        foreach (var e in errors)
        {
            if (e.Horizon <= horizon)
            {
                byHorizon[e.Horizon].Add(e.Error);
            }
        }
        var offsets = new (double Low95, double Low80, double High80, double High95)[horizon + 1];
        for (var h = 1; h <= horizon; h++)
        {
            var pool = byHorizon[h - 1].Concat(byHorizon[h]).Concat(byHorizon[h + 1]).ToArray();
            if (pool.Length < MinErrors)
            {
                if (h == 1)
                {
                    return null;
                }
                offsets[h] = offsets[h - 1];
                continue;
            }
            Array.Sort(pool);
            var before = h == 1 ? (0, 0, 0, 0) : offsets[h - 1];
            var low80 = Math.Min(Math.Min(before.Item2, 0), Quantile(pool, 0.10));
            var high80 = Math.Max(Math.Max(before.Item3, 0), Quantile(pool, 0.90));
            offsets[h] = (Math.Min(Math.Min(before.Item1, low80), Quantile(pool, 0.025)), low80, high80,
                Math.Max(Math.Max(before.Item4, high80), Quantile(pool, 0.975)));
        }
        return new ForecastBands(offsets);
    }

    /// <summary>The 95% band's and the 80% band's low and high ends around <paramref name="expected"/> at horizon <paramref name="h"/>.</summary>
    public (double Low95, double Low80, double High80, double High95) Around(double expected, int h)
    {
        var last = _offsets.Length - 1;
        var o = _offsets[Math.Min(h, last)];
        var widen = h <= last ? 1 : Math.Sqrt((double)h / last);
        return (expected + widen * o.Low95, expected + widen * o.Low80, expected + widen * o.High80, expected + widen * o.High95);
    }

    /// <summary>
    /// The empirical quantile of sorted values, interpolated between ranks on the (k+1) grid (Hyndman and Fan's type 6),
    /// and held at the smallest or largest value beyond them.
    /// </summary>
    public static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length + 1) - 1;
        if (position <= 0)
        {
            return sorted[0];
        }
        if (position >= sorted.Length - 1)
        {
            return sorted[^1];
        }
        var below = (int)Math.Floor(position);
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }
}
