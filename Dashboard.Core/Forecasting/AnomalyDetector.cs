namespace Dashboard.Core.Forecasting;

/// <summary>
/// Flags the past periods outside the 95% one-step-ahead range of Holt-Winters fitted on the data before them: the range is
/// the prediction ± the 95% quantile of the last <see cref="Window"/> absolute one-step errors, taken conservatively (the
/// ⌈0.95(k+1)⌉-th smallest of k: the rank a new error from the same spread exceeds at most 5% of the time). A flagged value is then
/// treated as missing by the model and its refits (its error still counts towards the range) unless it is the <see cref="LevelShift"/>-th
/// flag in a row on the same side: that is a new level, which the model learns. A missing period is never flagged.
/// </summary>
internal static class AnomalyDetector
{
    public const int Window = 56;
    public const int MinErrors = 14;

    /// <summary>Flags in a row on one side after which the change is taken as a new level, which the model then learns.</summary>
    public const int LevelShift = 3;

    public static List<Anomaly> Detect(ForecastSeries s)
    {
        var (m, n) = (s.Season, s.Length);
        var (y, missing) = ((double[])s.Values.Clone(), s.Missing);
        var anomalies = new List<Anomaly>();
        var errors = new List<double>();
        var parameters = new HoltWinters.Parameters(0.2, 0.1);
        var state = HoltWinters.Initial(y, missing, m);
        var fitFrom = Backtest.MinTrainingOf(m);
        var run = 0;
        for (var t = m; t < n; t++)
        {
            if (t >= fitFrom && (t - fitFrom) % Backtest.RefitEvery == 0)
            {
                parameters = HoltWinters.Fit(y, missing, t, m);
                HoltWinters.Run(y, missing, t, m, parameters, out state);
            }
            var predicted = state.Predict(t);
            if (missing[t])
            {
                state.Update(t, 0, parameters);
                continue;
            }
            var e = y[t] - predicted;
            if (errors.Count >= MinErrors)
            {
                var recent = errors.Skip(Math.Max(0, errors.Count - Window)).Select(Math.Abs).ToArray();
                Array.Sort(recent);
                var w = recent[Math.Min(recent.Length, (int)Math.Ceiling(0.95 * (recent.Length + 1))) - 1];
                if (Math.Abs(e) > w)
                {
                    anomalies.Add(new Anomaly(s.Starts[t], s.Values[t], Math.Max(0, predicted), Math.Max(0, predicted - w), predicted + w));
                    run = Math.Sign(e) == Math.Sign(run) ? run + Math.Sign(e) : Math.Sign(e);
                    if (Math.Abs(run) < LevelShift)
                    {
                        // An odd day teaches the model nothing: it carries on as if the day had been as expected. Its error
                        // stays in the range's errors: the range is of one-step errors as they come, odd days included.
                        errors.Add(e);
                        y[t] = predicted;
                        state.Update(t, 0, parameters);
                        continue;
                    }
                }
                else
                {
                    run = 0;
                }
            }
            errors.Add(e);
            state.Update(t, e, parameters);
        }
        return anomalies;
    }
}
