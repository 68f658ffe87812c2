using Dashboard.Core.Display;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Weekly;

/// <summary>
/// How the weekly review writes its numbers, shared by the page and the e-mail digest so that both show the same
/// figures to the unit, in the reader's display culture.
/// </summary>
public static class WeeklyReviewFormat
{
    /// <summary>The .NET format of a KPI: N0 for counts, N2 for money, P1 for the cancellation rate.</summary>
    public static string Format(string kpi) => kpi switch
    {
        "Revenue" or "Average order value" => "N2",
        "Cancellation rate" => "P1",
        _ => "N0",
    };

    /// <summary>A KPI's value in full as <paramref name="numbers"/> write it: money with <paramref name="currency"/>'s symbol.</summary>
    public static string Value(decimal? value, string format, DisplayNumbers numbers, string? currency) => value is not { } v
        ? "–"
        : format switch
        {
            "P1" => (v * 100).ToString("0.0", numbers.Culture) + "%",
            "N2" => numbers.Amount(v, currency),
            _ => numbers.Count((long)v),
        };

    public static string Change(KpiValue kpi, string format, DisplayNumbers numbers, string? currency)
    {
        if (kpi.Change is not { } change)
        {
            return "–";
        }
        if (format == "P1")
        {
            return (change * 100).ToString("+0.0;-0.0;0.0", numbers.Culture) + " pp";
        }
        var text = format == "N2" ? numbers.AmountChange(change, currency) : Signed(change, numbers);
        return kpi.ChangeRatio is { } ratio ? $"{text} ({Ratio(ratio, numbers)})" : text;
    }

    /// <summary>"up" or "down" for a change that is good or bad news (a rising cancellation rate is "up" as bad news), or "".</summary>
    public static string Direction(KpiValue kpi, string name) => kpi.Change switch
    {
        null or 0 => "",
        > 0 => name == "Cancellation rate" ? "down" : "up",
        _ => name == "Cancellation rate" ? "up" : "down",
    };

    /// <summary>A mover's change of revenue with its ratio, e.g. <c>+₹1,200.50 (+92.3%)</c>.</summary>
    public static string MoverChange(Mover mover, DisplayNumbers numbers, string? currency) =>
        numbers.AmountChange(mover.RevenueChange, currency) + (mover.RevenueChangeRatio is { } r ? $" ({Ratio(r, numbers)})" : "");

    /// <summary>A change as a signed percentage with one decimal: <c>+92.3%</c>.</summary>
    public static string Ratio(double ratio, DisplayNumbers numbers) => ratio.ToString("+0.0%;-0.0%;0.0%", numbers.Culture);

    private static string Signed(decimal change, DisplayNumbers numbers) =>
        (change > 0 ? numbers.Culture.NumberFormat.PositiveSign : "") + numbers.Count((long)change);

    /// <summary>The filters in words, e.g. <c>category = Set; state = MAHARASHTRA</c>; empty when nothing is filtered.</summary>
    public static string Describe(OrderFilter filter) =>
        string.Join("; ", (filter with { From = null, To = null }).ToPairs()
            .GroupBy(p => p.Key)
            .Select(g => $"{g.Key} = {string.Join(", ", g.Select(p => p.Value))}"));
}
