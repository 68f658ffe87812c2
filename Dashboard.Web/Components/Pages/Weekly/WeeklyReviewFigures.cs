using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Weekly;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor.LayoutLib;

namespace Dashboard.Web.Components.Pages.Weekly;

/// <summary>
/// The weekly review's figures, drawn from <see cref="WeeklyReview"/>; axis ticks and hovers written on the server in the
/// display culture (<see cref="AxisTicks"/>), by default the current one.
/// </summary>
public static class WeeklyReviewFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ChartFigure Days(WeeklyReview review, DisplayNumbers? numbers = null)
    {
        var n = numbers ?? DisplayNumbers.Current;
        var x = Plot.Labels(review.Days.Select(d => d.Date.ToString("ddd d MMM", Invariant)));
        Plotly.Blazor.Traces.Bar Bars(string name, IEnumerable<int> y, string colour, int? daysBack)
        {
            var values = y.ToList();
            var bars = Plot.Bar(name, x, Plot.Values(values.Select(v => (long)v)), colour);
            bars.TextArray = review.Days.Select((d, i) =>
                $"{d.Date.AddDays(-(daysBack ?? 0)).ToString("ddd d MMM", Invariant)}<br>{name}: {n.Count(values[i])} orders").ToList();
            bars.HoverTemplate = "%{text}<extra></extra>";
            return bars;
        }
        var all = review.Days.SelectMany(d => new double[] { d.Orders, d.PreviousWeekOrders, d.FourWeeksEarlierOrders });
        var layout = Plot.Layout(Plot.CategoryAxis(), AxisTicks.Apply(Plot.ValueAxis("Orders"), all, AxisTicks.Count(n)), legend: true);
        layout.BarMode = BarModeEnum.Group;
        return new ChartFigure(
            [
                Bars("This week", review.Days.Select(d => d.Orders), ChartPalette.Primary, null),
                Bars("Week before", review.Days.Select(d => d.PreviousWeekOrders), ChartPalette.Muted, 7),
                Bars("4 weeks earlier", review.Days.Select(d => d.FourWeeksEarlierOrders), ChartPalette.Tertiary, 28),
            ],
            layout) { XName = "Day" };
    }

    public static ChartFigure Categories(WeeklyReview review, DisplayNumbers? numbers = null)
    {
        var n = numbers ?? DisplayNumbers.Current;
        var x = Plot.Labels(review.Categories.Select(c => c.Name));
        var currency = review.Currency;
        var thisWeek = Plot.Bar("This week", x, Plot.Values(review.Categories.Select(c => c.Revenue)), ChartPalette.Primary);
        thisWeek.TextArray = review.Categories.Select(c => $"This week: {n.Amount(c.Revenue, Plot.Label(currency))}").ToList();
        thisWeek.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        var before = Plot.Bar("Week before", x, Plot.Values(review.Categories.Select(c => c.PreviousRevenue)), ChartPalette.Muted);
        before.TextArray = review.Categories.Select(c => $"Week before: {n.Amount(c.PreviousRevenue, Plot.Label(currency))}").ToList();
        before.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        var all = review.Categories.SelectMany(c => new[] { (double)c.Revenue, (double)c.PreviousRevenue });
        var axis = AxisTicks.Apply(Plot.ValueAxis($"Revenue ({currency})"), all, AxisTicks.Money(n, Plot.Label(currency)));
        var layout = Plot.Layout(Plot.CategoryAxis(tickAngle: -35), axis, legend: true, bottom: 90);
        layout.BarMode = BarModeEnum.Group;
        layout.Legend[0].Y = -0.45m;
        return new ChartFigure([thisWeek, before], layout) { XName = "Category" };
    }

    public static ChartFigure Movers(IReadOnlyList<Mover> movers, string? currency, string what, DisplayNumbers? numbers = null)
    {
        var n = numbers ?? DisplayNumbers.Current;
        var bars = Plot.Bar("Change of revenue", Plot.Labels(movers.Select(m => m.Name)), Plot.Values(movers.Select(m => m.RevenueChange)),
            Plot.Colours(movers.Select(m => m.RevenueChange >= 0 ? ChartPalette.Up : ChartPalette.Down)));
        bars.TextArray = movers.Select(m =>
            $"{n.Amount(m.PreviousRevenue, Plot.Label(currency))} → {n.Amount(m.Revenue, Plot.Label(currency))}{(m.RevenueChangeRatio is { } r ? $" ({WeeklyReviewFormat.Ratio(r, n)})" : "")}<br>orders {n.Count(m.PreviousOrders)} → {n.Count(m.Orders)}").ToList();
        bars.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        bars.CustomData = Plot.Keys(movers.Select(m => m.Name)); // a click names the category or state (its rows)
        var axis = AxisTicks.Apply(Plot.ValueAxis($"Revenue change ({currency})", fromZero: false), movers.Select(m => (double)m.RevenueChange),
            AxisTicks.Money(n, Plot.Label(currency), signed: true));
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(tickAngle: -35), axis, bottom: 100)) { XName = what };
    }
}
