namespace Dashboard.Core.Drivers;

/// <summary>
/// A KPI's change between two periods as the sum of its values' parts (docs/decisions/0032-drivers-mix-and-rate.md).
/// Orders, units and revenue are sums over the values, so a value's part is its own change, exact in whole orders,
/// units and minor units. A ratio K = N / D (average order value: revenue of the orders with sales / those orders;
/// cancellation rate: cancelled lines / lines) is K = Σ w·k over the values, w = D_v / D its weight and k = N_v / D_v its
/// own ratio, and its change is Σ (w₁ − w₀)(k₀ − K₀) [mix] + w₁ (k₁ − k₀) [rate], which sums to K₁ − K₀ exactly.
/// </summary>
internal static class DriverDecomposition
{
    /// <summary>Decimals of a ratio's parts: average order value in the currency's hundredths, the cancellation rate to 0.0001 %.</summary>
    public const int MoneyScale = 2;
    public const int RateScale = 6;

    /// <summary>The KPI's value in a period's cells; null when it has none (a ratio over nothing).</summary>
    public static decimal? ValueOf(DriverKpi kpi, DriverCell[] cells)
    {
        var (n, d) = Totals(kpi, cells);
        return kpi switch
        {
            DriverKpi.Orders or DriverKpi.Units => n,
            DriverKpi.Revenue => n / 100m,
            _ when d == 0 => null,
            DriverKpi.AverageOrderValue => Math.Round(n / 100m / d, MoneyScale, MidpointRounding.AwayFromZero),
            _ => Math.Round((decimal)n / d, RateScale, MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>
    /// The change and its parts (values the KPI measures nothing of in either period left out: a state whose only lines are
    /// in another currency has no part in a revenue change); null parts when a ratio has no value in a period.
    /// </summary>
    public static (decimal Delta, List<DriverPart>? Parts) Decompose(DriverKpi kpi, IReadOnlyList<string> names, DriverCell[] before, DriverCell[] after)
    {
        var values = Enumerable.Range(0, before.Length).Where(v => Measures(kpi, before[v]) || Measures(kpi, after[v])).ToList();
        string Name(int v) => v < names.Count ? names[v] : "";
        if (ValueOf(kpi, before) is not { } k0 || ValueOf(kpi, after) is not { } k1)
        {
            return (0, null);
        }
        var delta = k1 - k0;
        if (kpi is DriverKpi.Orders or DriverKpi.Units or DriverKpi.Revenue)
        {
            var scale = kpi == DriverKpi.Revenue ? 100m : 1m;
            return (delta, values.Select(v => new DriverPart(Name(v), (Numerator(kpi, after[v]) - Numerator(kpi, before[v])) / scale)).ToList());
        }
        var (n0, d0) = Totals(kpi, before);
        var (n1, d1) = Totals(kpi, after);
        var unit = kpi == DriverKpi.AverageOrderValue ? 100m : 1m;
        var exact0 = n0 / unit / d0;
        var terms = new List<decimal>();
        foreach (var v in values)
        {
            var (nv0, dv0) = (Numerator(kpi, before[v]), Denominator(kpi, before[v]));
            var (nv1, dv1) = (Numerator(kpi, after[v]), Denominator(kpi, after[v]));
            var (w0, w1) = ((decimal)dv0 / d0, (decimal)dv1 / d1);
            decimal? own1 = dv1 == 0 ? null : nv1 / unit / dv1;
            // A value absent before takes its own later ratio as its earlier one: all of its change is mix.
            var own0 = dv0 == 0 ? own1 ?? exact0 : nv0 / unit / dv0;
            terms.Add((w1 - w0) * (own0 - exact0));
            terms.Add(own1 is { } k ? w1 * (k - own0) : 0m);
        }
        var rounded = Apportion.ToTarget(terms, delta, kpi == DriverKpi.AverageOrderValue ? MoneyScale : RateScale);
        return (delta, values.Select((v, i) =>
            new DriverPart(Name(v), rounded[2 * i] + rounded[2 * i + 1], rounded[2 * i], rounded[2 * i + 1])).ToList());
    }

    // A sum measures a value when it has some of it (orders attributed, units, revenue in the currency); a ratio when the
    // value is in its denominator (orders with sales in the currency, lines).
    private static bool Measures(DriverKpi kpi, in DriverCell c) =>
        kpi is DriverKpi.AverageOrderValue or DriverKpi.CancellationRate ? Denominator(kpi, c) != 0 : Numerator(kpi, c) != 0;

    private static (long N, long D) Totals(DriverKpi kpi, DriverCell[] cells)
    {
        long n = 0, d = 0;
        foreach (var c in cells)
        {
            n = checked(n + Numerator(kpi, c));
            d = checked(d + Denominator(kpi, c));
        }
        return (n, d);
    }

    private static long Numerator(DriverKpi kpi, in DriverCell c) => kpi switch
    {
        DriverKpi.Orders => c.Orders,
        DriverKpi.Units => c.Units,
        DriverKpi.Revenue => c.RevenueMinor,
        DriverKpi.AverageOrderValue => c.OrderRevenueMinor,
        _ => c.Cancelled,
    };

    private static long Denominator(DriverKpi kpi, in DriverCell c) => kpi switch
    {
        DriverKpi.AverageOrderValue => c.PaidOrders,
        DriverKpi.CancellationRate => c.Lines,
        _ => 1,
    };
}
