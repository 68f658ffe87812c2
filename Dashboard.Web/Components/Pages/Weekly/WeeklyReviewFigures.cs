using System.Globalization;
using Dashboard.Core.Weekly;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor.LayoutLib;

namespace Dashboard.Web.Components.Pages.Weekly;

/// <summary>The weekly review's figures, drawn from <see cref="WeeklyReview"/>.</summary>
public static class WeeklyReviewFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ChartFigure Days(WeeklyReview review)
    {
        var x = Plot.Labels(review.Days.Select(d => d.Date.ToString("ddd d MMM", Invariant)));
        Plotly.Blazor.Traces.Bar Bars(string name, IEnumerable<int> y, string colour, int? daysBack)
        {
            var bars = Plot.Bar(name, x, Plot.Values(y.Select(v => (long)v)), colour);
            if (daysBack is { } back)
            {
                bars.TextArray = review.Days.Select(d => d.Date.AddDays(-back).ToString("ddd d MMM", Invariant)).ToList();
                bars.HoverTemplate = $"%{{text}}<br>{name}: %{{y:,d}} orders<extra></extra>";
            }
            else
            {
                bars.HoverTemplate = $"%{{x}}<br>{name}: %{{y:,d}} orders<extra></extra>";
            }
            return bars;
        }
        var layout = Plot.Layout(Plot.CategoryAxis(), Plot.ValueAxis("Orders"), legend: true);
        layout.BarMode = BarModeEnum.Group;
        return new ChartFigure(
            [
                Bars("This week", review.Days.Select(d => d.Orders), ChartPalette.Primary, null),
                Bars("Week before", review.Days.Select(d => d.PreviousWeekOrders), ChartPalette.Muted, 7),
                Bars("4 weeks earlier", review.Days.Select(d => d.FourWeeksEarlierOrders), ChartPalette.Tertiary, 28),
            ],
            layout) { XName = "Day" };
    }

    public static ChartFigure Categories(WeeklyReview review)
    {
        var x = Plot.Labels(review.Categories.Select(c => c.Name));
        var currency = Plot.Label(review.Currency);
        var thisWeek = Plot.Bar("This week", x, Plot.Values(review.Categories.Select(c => c.Revenue)), ChartPalette.Primary);
        thisWeek.HoverTemplate = $"%{{x}}<br>This week: {currency} %{{y:,.2f}}<extra></extra>";
        var before = Plot.Bar("Week before", x, Plot.Values(review.Categories.Select(c => c.PreviousRevenue)), ChartPalette.Muted);
        before.HoverTemplate = $"%{{x}}<br>Week before: {currency} %{{y:,.2f}}<extra></extra>";
        var layout = Plot.Layout(Plot.CategoryAxis(tickAngle: -35), Plot.ValueAxis($"Revenue ({review.Currency})"), legend: true, bottom: 90);
        layout.BarMode = BarModeEnum.Group;
        layout.Legend[0].Y = -0.45m;
        return new ChartFigure([thisWeek, before], layout) { XName = "Category" };
    }

    public static ChartFigure Movers(IReadOnlyList<Mover> movers, string? currency, string what)
    {
        var bars = Plot.Bar("Change of revenue", Plot.Labels(movers.Select(m => m.Name)), Plot.Values(movers.Select(m => m.RevenueChange)),
            Plot.Colours(movers.Select(m => m.RevenueChange >= 0 ? ChartPalette.Up : ChartPalette.Down)));
        bars.TextArray = movers.Select(m => string.Create(Invariant,
            $"{Plot.Label(currency)} {m.PreviousRevenue:N2} → {m.Revenue:N2}{(m.RevenueChangeRatio is { } r ? $" ({r:+0.0%;-0.0%})" : "")}<br>orders {m.PreviousOrders:N0} → {m.Orders:N0}")).ToList();
        bars.HoverTemplate = "%{x}<br>%{text}<extra></extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(tickAngle: -35), Plot.ValueAxis($"Revenue change ({currency})", fromZero: false), bottom: 100)) { XName = what };
    }
}
