namespace Dashboard.Core.Forecasting;

/// <summary>
/// Additive Holt-Winters with a seasonal period and no trend, in error-correction form:
/// ŷ(t) = L + S[t mod m]; e = y(t) − ŷ(t); L += α·e; S[t mod m] += γ·e. With m = 1 the season is held at 0 (simple
/// exponential smoothing). A missing value is replaced by its prediction (e = 0). Parameters are chosen on a grid by the
/// least one-step squared error (docs/decisions/0034-forecast-method-and-intervals.md).
/// </summary>
internal static class HoltWinters
{
    private static readonly double[] Alphas = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.65, 0.8, 0.95];
    private static readonly double[] Gammas = [0, 0.05, 0.1, 0.2, 0.3, 0.45];

    /// <summary>The smoothing parameters (α, γ).</summary>
    internal readonly record struct Parameters(double Alpha, double Gamma);

    /// <summary>The state after a run: the level and the season, indexed by step modulo the period.</summary>
    internal sealed class State(double level, double[] season)
    {
        public double Level { get; set; } = level;
        public double[] Season { get; } = season;

        /// <summary>The prediction for step <paramref name="t"/> (any step at or after the run's end).</summary>
        public double Predict(int t) => Level + Season[t % Season.Length];

        public void Update(int t, double error, Parameters p)
        {
            Level += p.Alpha * error;
            if (Season.Length > 1)
            {
                Season[t % Season.Length] += p.Gamma * error;
            }
        }
    }

    /// <summary>
    /// The initial state from the first period: the level its mean, the season each step's difference from it. A missing
    /// step of the first period is stood in for by the same step of the next period that has it.
    /// </summary>
    public static State Initial(ReadOnlySpan<double> y, ReadOnlySpan<bool> missing, int m)
    {
        var first = new double[m];
        var known = new bool[m];
        double sum = 0;
        var count = 0;
        for (var i = 0; i < m; i++)
        {
            for (var t = i; t < y.Length && !known[i]; t += m)
            {
                if (!missing[t])
                {
                    (first[i], known[i]) = (y[t], true);
                    sum += y[t];
                    count++;
                }
            }
        }
        var level = count == 0 ? 0 : sum / count;
        var season = new double[m];
        if (m > 1)
        {
            for (var i = 0; i < m; i++)
            {
                season[i] = known[i] ? first[i] - level : 0;
            }
        }
        return new State(level, season);
    }

    /// <summary>
    /// Runs the filter over <paramref name="y"/>[0..<paramref name="n"/>) and returns the sum of squared one-step errors
    /// from step m on; <paramref name="state"/> is left at step n.
    /// </summary>
    public static double Run(ReadOnlySpan<double> y, ReadOnlySpan<bool> missing, int n, int m, Parameters p, out State state)
    {
        state = Initial(y, missing, m);
        double sse = 0;
        for (var t = m; t < n; t++)
        {
            var predicted = state.Predict(t);
            var e = missing[t] ? 0 : y[t] - predicted;
            sse += e * e;
            state.Update(t, e, p);
        }
        return sse;
    }

    /// <summary>The grid's parameters with the least one-step squared error on the first <paramref name="n"/> values.</summary>
    public static Parameters Fit(ReadOnlySpan<double> y, ReadOnlySpan<bool> missing, int n, int m)
    {
        var best = new Parameters(0.2, 0.1);
        var bestSse = double.PositiveInfinity;
        var gammas = m > 1 ? Gammas : [0.0];
        foreach (var a in Alphas)
        {
            foreach (var g in gammas)
            {
                var p = new Parameters(a, g);
                var sse = Run(y, missing, n, m, p, out _);
                if (sse < bestSse)
                {
                    bestSse = sse;
                    best = p;
                }
            }
        }
        return best;
    }
}
