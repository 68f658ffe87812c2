using Dashboard.Core.Analytics;
using Dashboard.Core.Forecasting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

/// <summary>
/// Candidate rules for choosing the shown forecast, scored on the forecast's protocol (7 origins a week apart, 14 days ahead)
/// over <see cref="ForecastSweepFilters"/>' filters, orders, units and revenue: how many rows end worse than the
/// seasonal-naive forecast (docs/decisions/0034-forecast-method-and-intervals.md). FC_SHIFT=n moves every origin n days, to
/// check a rule on origins it was not chosen on. Each rule gives the weight of Holt-Winters in the forecast shown (0 naive,
/// ½ the mean of both, 1 Holt-Winters).
/// </summary>
internal static class ForecastRules
{
    private static readonly DateOnly FirstOrigin = new DateOnly(2022, 5, 1).AddDays(int.Parse(Environment.GetEnvironmentVariable("FC_SHIFT") ?? "0", System.Globalization.CultureInfo.InvariantCulture));

    private sealed record Case(string Name, string Metric, int Origin, double[] Actual, double[] Naive, double[] Hw, Backtest Bt, double ZeroShare);

    public static async Task RunAsync(string db)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        var contexts = new PooledDbContextFactory<DashboardDbContext>(new DashboardStore(connectionString, ".").ContextOptions());
        var analytics = Options.Create(new AnalyticsOptions());
        var cache = new OrdersFrameCache(contexts, new DataVersion(), analytics);
        var overview = new OrdersOverviewQuery(cache, analytics);
        var filters = await ForecastSweepFilters.AllAsync(overview);
        var cases = new List<Case>();
        foreach (var (name, filter) in filters)
        {
            foreach (var metric in new[] { OrderMetric.Orders, OrderMetric.Units, OrderMetric.Revenue })
            {
                for (var k = 0; k < 7; k++)
                {
                    var origin = FirstOrigin.AddDays(7 * k);
                    var c = await cache.ReadAsync(async s =>
                    {
                        var hist = await ForecastSeriesReader.ReadAsync(s, filter with { To = origin.AddDays(-1) }, metric, TimeGrain.Day, DayOfWeek.Monday, new HashSet<DateOnly>(), default);
                        var all = await ForecastSeriesReader.ReadAsync(s, filter with { To = origin.AddDays(13) }, metric, TimeGrain.Day, DayOfWeek.Monday, new HashSet<DateOnly>(), default);
                        if (hist is null || all is null || hist.Length < 24)
                        {
                            return null;
                        }
                        var n = hist.Length;
                        var actual = all.Values.Skip(n).Take(14).ToArray();
                        var filled = SeasonalNaive.Filled(hist.Values, hist.Missing, n, 7);
                        var naive = Enumerable.Range(1, 14).Select(h => SeasonalNaive.Forecast(filled, 7, h)).ToArray();
                        HoltWinters.Run(hist.Values, hist.Missing, n, 7, HoltWinters.Fit(hist.Values, hist.Missing, n, 7), out var state);
                        var hw = Enumerable.Range(1, 14).Select(h => Math.Max(0, state.Predict(n + h - 1))).ToArray();
                        var known = Enumerable.Range(0, n).Where(t => !hist.Missing[t]).Select(t => hist.Values[t]).ToList();
                        return new Case(name, metric.ToString(), k, actual, naive, hw, Backtest.Run(hist, 14), known.Count(v => v == 0) / (double)known.Count);
                    }, default);
                    if (c is not null)
                    {
                        cases.Add(c);
                    }
                }
            }
        }
        Console.WriteLine($"{filters.Count} filters, {cases.Count} cases");
        foreach (var g in cases.Where(c => c.ZeroShare > 0).GroupBy(c => (c.Name, c.Metric)).Where(g => g.Key.Metric == "Orders"))
        {
            Console.WriteLine($"zero days at each origin: {g.Key.Name}: {string.Join(" ", g.Select(c => $"{c.ZeroShare:P0}"))}");
        }
        var rules = new List<(string Name, Func<Case, double> Rule)>
        {
            ("smallest backtest MAE of the three (before)", c => W(MinMae(c.Bt, 0))),
            ("the same, HW and the mean only if ahead by 2%", c => W(MinMae(c.Bt, 0.02))),
            ("the same, ahead by 5%", c => W(MinMae(c.Bt, 0.05))),
            ("the same, ahead by 10%", c => W(MinMae(c.Bt, 0.10))),
            ("ahead of naive at 60% of the backtest's origins", c => W(Wins(c.Bt, 0.6))),
            ("ahead at 70% of the origins", c => W(Wins(c.Bt, 0.7))),
            ("ahead at 80% of the origins", c => W(Wins(c.Bt, 0.8))),
            ("ahead in each half of the backtest", c => W(Halves(c.Bt, 2))),
            ("ahead in each third of the backtest", c => W(Halves(c.Bt, 3))),
            ("ahead with t > 1 (Diebold-Mariano-like)", c => W(Dm(c.Bt, 1))),
            ("ahead with t > 2", c => W(Dm(c.Bt, 2))),
            ("smallest of the three; naive at >= 50% zero days", c => c.ZeroShare >= 0.5 ? 0 : W(MinMae(c.Bt, 0))),
            ("weight grid 0..1 by 0.25; naive at >= 50% zero days", c => c.ZeroShare >= 0.5 ? 0 : Grid(c.Bt, [0, 0.25, 0.5, 0.75, 1])),
            ("HW only if 5% ahead of the mean; naive at >= 50% zero days", c => c.ZeroShare >= 0.5 ? 0 : CombPref(c.Bt, 0.05)),
            ("HW only if 10% ahead of the mean; naive at >= 50% zero days", c => c.ZeroShare >= 0.5 ? 0 : CombPref(c.Bt, 0.10)),
            ("the mean or naive, no sparse rule", c => CombPref(c.Bt, 2)),
            ("the mean or naive; naive at >= 10% zero days", c => c.ZeroShare >= 0.1 ? 0 : CombPref(c.Bt, 2)),
            ("the mean or naive; naive at >= 50% zero days (shown)", c => c.ZeroShare >= 0.5 ? 0 : CombPref(c.Bt, 2)),
        };
        Console.WriteLine("| rule | rows | worse than naive | worst | median | no filter orders | no filter revenue | worst rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (ruleName, rule) in rules)
        {
            var rows = new List<(string Row, double Ratio)>();
            foreach (var g in cases.GroupBy(c => (c.Name, c.Metric)))
            {
                double e = 0, en = 0;
                foreach (var c in g)
                {
                    var w = rule(c);
                    for (var h = 0; h < 14; h++)
                    {
                        var f = w * c.Hw[h] + (1 - w) * c.Naive[h];
                        e += Math.Abs(c.Actual[h] - f);
                        en += Math.Abs(c.Actual[h] - c.Naive[h]);
                    }
                }
                if (en > 0)
                {
                    rows.Add(($"{g.Key.Name} {g.Key.Metric}", e / en));
                }
            }
            var sorted = rows.OrderByDescending(r => r.Ratio).ToList();
            double Of(string row) => rows.First(r => r.Row == row).Ratio;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {ruleName} | {rows.Count} | {rows.Count(r => r.Ratio > 1.0005)} | {sorted[0].Ratio:F3} | {sorted[sorted.Count / 2].Ratio:F3} | {Of("no filter Orders"):F3} | {Of("no filter Revenue"):F3} | {string.Join("; ", sorted.Where(r => r.Ratio > 1.0005).Take(6).Select(r => $"{r.Row} {r.Ratio:F3}"))} |"));
        }
    }

    private static double W(ForecastMethod m) => m switch { ForecastMethod.HoltWinters => 1, ForecastMethod.Combination => 0.5, _ => 0 };

    private static double CombPref(Backtest bt, double margin)
    {
        var (naive, hw, comb) = (Mae(bt.Naive), Mae(bt.HoltWinters), Mae(bt.Combination));
        return hw < naive && hw < (1 - margin) * comb ? 1 : comb < naive ? 0.5 : 0;
    }

    private static double CombPref2(Backtest bt, double margin, double combMargin)
    {
        var (naive, hw, comb) = (Mae(bt.Naive), Mae(bt.HoltWinters), Mae(bt.Combination));
        return hw < (1 - combMargin) * naive && hw < (1 - margin) * comb ? 1 : comb < (1 - combMargin) * naive ? 0.5 : 0;
    }

    private static double Grid(Backtest bt, double[] weights)
    {
        var (best, bestMae) = (0.0, double.PositiveInfinity);
        foreach (var w in weights)
        {
            double sum = 0;
            for (var i = 0; i < bt.Naive.Count; i++)
            {
                sum += Math.Abs(bt.Naive[i].Actual - (w * bt.HoltWinters[i].Forecast + (1 - w) * bt.Naive[i].Forecast));
            }
            if (sum < bestMae - 1e-9)
            {
                (best, bestMae) = (w, sum);
            }
        }
        return best;
    }

    private static double Mae(IEnumerable<BacktestError> e) => e.Any() ? e.Average(x => Math.Abs(x.Error)) : double.PositiveInfinity;

    private static ForecastMethod MinMae(Backtest bt, double margin)
    {
        var best = ForecastMethod.SeasonalNaive;
        var bar = Mae(bt.Naive) * (1 - margin);
        foreach (var m in new[] { ForecastMethod.Combination, ForecastMethod.HoltWinters })
        {
            var mae = Mae(bt.Of(m));
            if (mae < bar && (best == ForecastMethod.SeasonalNaive || mae < Mae(bt.Of(best))))
            {
                best = m;
            }
        }
        return best;
    }

    /// <summary>Among challengers whose per-origin MAE beats naive's at a share of origins ≥ q, the smallest MAE.</summary>
    private static ForecastMethod Wins(Backtest bt, double q) => Filtered(bt, m =>
    {
        var naive = bt.Naive.GroupBy(e => e.Origin).ToDictionary(g => g.Key, g => Mae(g));
        var groups = bt.Of(m).GroupBy(e => e.Origin).ToList();
        return groups.Count(g => Mae(g) < naive[g.Key]) >= q * groups.Count;
    });

    /// <summary>Challengers that beat naive's MAE in each of k consecutive blocks of origins.</summary>
    private static ForecastMethod Halves(Backtest bt, int k) => Filtered(bt, m =>
    {
        var origins = bt.Naive.Select(e => e.Origin).Distinct().Order().ToList();
        for (var b = 0; b < k; b++)
        {
            var set = origins.Skip(b * origins.Count / k).Take((b + 1) * origins.Count / k - b * origins.Count / k).ToHashSet();
            if (Mae(bt.Of(m).Where(e => set.Contains(e.Origin))) >= Mae(bt.Naive.Where(e => set.Contains(e.Origin))))
            {
                return false;
            }
        }
        return true;
    });

    /// <summary>Diebold-Mariano-like: the loss differential per origin, its mean over its standard error with the overlap counted (n/14 independent).</summary>
    private static ForecastMethod Dm(Backtest bt, double t) => Filtered(bt, m =>
    {
        var naive = bt.Naive.GroupBy(e => e.Origin).ToDictionary(g => g.Key, g => Mae(g));
        var d = bt.Of(m).GroupBy(e => e.Origin).Select(g => naive[g.Key] - Mae(g)).ToList();
        if (d.Count < 2)
        {
            return false;
        }
        var mean = d.Average();
        var sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Count - 1));
        var nEff = Math.Max(1.0, d.Count / 14.0);
        return sd == 0 ? mean > 0 : mean / (sd / Math.Sqrt(nEff)) > t;
    });

    private static ForecastMethod Filtered(Backtest bt, Func<ForecastMethod, bool> ok)
    {
        var best = ForecastMethod.SeasonalNaive;
        foreach (var m in new[] { ForecastMethod.Combination, ForecastMethod.HoltWinters })
        {
            if (ok(m) && Mae(bt.Of(m)) < Mae(bt.Of(best)))
            {
                best = m;
            }
        }
        return best;
    }
}
