using Dashboard.Core.Display;

namespace Dashboard.Core.Drivers;

/// <summary>
/// The top three drivers of a change as one sentence in the reader's number format: "Revenue rose by +₹1,200.00 against the
/// week before, most from Western Dress (+₹900.00), Set (+₹700.50) and kurta (−₹400.50), by category."
/// </summary>
public static class DriverSentence
{
    public const int Shown = 3;

    /// <summary>Null when there is nothing to say (no breakdown, or no change and no part).</summary>
    public static string? Of(DriverBreakdown b, string kpiName, string against, DisplayNumbers numbers)
    {
        if (b.Unavailable is not null || b.Parts.Count == 0)
        {
            return null;
        }
        var top = b.Parts.Take(Shown).Select(p => $"{(p.Value.Length == 0 ? "(none)" : p.Value)} ({Change(b, p.Contribution, numbers)})").ToList();
        var list = top.Count == 1 ? top[0] : string.Join(", ", top.Take(top.Count - 1)) + " and " + top[^1];
        var moved = b.Delta > 0 ? "rose" : b.Delta < 0 ? "fell" : "did not change";
        var by = b.Delta == 0 ? "" : $" by {Change(b, b.Delta, numbers)}";
        return $"{kpiName} {moved}{by} against {against}; the largest parts: {list}, by {b.By.ToString().ToLowerInvariant()}.";
    }

    private static string Change(DriverBreakdown b, decimal value, DisplayNumbers numbers) => b.Kpi switch
    {
        DriverKpi.Revenue or DriverKpi.AverageOrderValue => numbers.AmountChange(value, b.Currency),
        DriverKpi.CancellationRate => (value >= 0 ? "+" : "−") + numbers.Number((double)Math.Abs(value * 100), 2) + " points",
        _ => (value >= 0 ? "+" : "−") + numbers.Number((double)Math.Abs(value), 0),
    };
}
