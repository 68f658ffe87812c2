using System.Globalization;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Weekly;

/// <summary>
/// How the weekly review writes its numbers, shared by the page and the e-mail digest so that both show the same
/// figures to the unit.
/// </summary>
public static class WeeklyReviewFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The .NET format of a KPI: N0 for counts, N2 for money, P1 for the cancellation rate.</summary>
    public static string Format(string kpi) => kpi switch
    {
        "Revenue" or "Average order value" => "N2",
        "Cancellation rate" => "P1",
        _ => "N0",
    };

    public static string Value(decimal? value, string format) => value is not { } v
        ? "–"
        : format == "P1" ? (v * 100).ToString("0.0", Invariant) + "%" : v.ToString(format, Invariant);

    public static string Change(KpiValue kpi, string format)
    {
        if (kpi.Change is not { } change)
        {
            return "–";
        }
        if (format == "P1")
        {
            return (change * 100).ToString("+0.0;-0.0;0.0", Invariant) + " pp";
        }
        var text = change.ToString(format == "N2" ? "+#,##0.00;-#,##0.00;0.00" : "+#,##0;-#,##0;0", Invariant);
        return kpi.ChangeRatio is { } ratio ? $"{text} ({ratio.ToString("+0.0%;-0.0%;0.0%", Invariant)})" : text;
    }

    /// <summary>"up" or "down" for a change that is good or bad news (a rising cancellation rate is "up" as bad news), or "".</summary>
    public static string Direction(KpiValue kpi, string name) => kpi.Change switch
    {
        null or 0 => "",
        > 0 => name == "Cancellation rate" ? "down" : "up",
        _ => name == "Cancellation rate" ? "up" : "down",
    };

    /// <summary>A mover's change of revenue with its ratio, e.g. <c>+1,200.50 (+92.3%)</c>.</summary>
    public static string MoverChange(Mover mover) =>
        mover.RevenueChange.ToString("+#,##0.00;-#,##0.00;0.00", Invariant)
        + (mover.RevenueChangeRatio is { } r ? $" ({r.ToString("+0.0%;-0.0%;0.0%", Invariant)})" : "");

    /// <summary>The filters in words, e.g. <c>category = Set; state = MAHARASHTRA</c>; empty when nothing is filtered.</summary>
    public static string Describe(OrderFilter filter) =>
        string.Join("; ", (filter with { From = null, To = null }).ToPairs()
            .GroupBy(p => p.Key)
            .Select(g => $"{g.Key} = {string.Join(", ", g.Select(p => p.Value))}"));
}
