using System.Globalization;
using Dashboard.Core.Analytics.WeeklyReview;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Components.Pages.Orders;

/// <summary>The weekly review's figures, drawn from <see cref="WeeklyReview"/>.</summary>
public static class WeeklyReviewFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static PlotlyFigure Days(WeeklyReview review)
    {
        var x = review.Days.Select(d => d.Date.ToString("ddd d MMM", Invariant)).ToList();
        PlotlyTrace Bars(string name, IEnumerable<int> y, string color, string? hoverDates) => new()
        {
            Type = "bar", Name = name, X = x, Y = y.Select(v => (double?)v).ToList(),
            Text = hoverDates is null ? null : review.Days.Select(d => d.Date.AddDays(hoverDates == "prev" ? -7 : -28).ToString("ddd d MMM", Invariant)).ToList(),
            TextPosition = "none",
            HoverTemplate = hoverDates is null ? $"%{{x}}<br>{name}: %{{y:,d}} orders<extra></extra>" : $"%{{text}}<br>{name}: %{{y:,d}} orders<extra></extra>",
            Marker = new PlotlyMarker { Color = Enumerable.Repeat(color, x.Count).ToList() },
        };
        return new PlotlyFigure(
            [
                Bars("This week", review.Days.Select(d => d.Orders), ChartPalette.Primary, null),
                Bars("Week before", review.Days.Select(d => d.PreviousWeekOrders), ChartPalette.Muted, "prev"),
                Bars("4 weeks earlier", review.Days.Select(d => d.FourWeeksEarlierOrders), ChartPalette.Tertiary, "four"),
            ],
            new PlotlyLayout
            {
                BarMode = "group",
                XAxis = new PlotlyAxis { Type = "category" },
                YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle("Orders") },
                ShowLegend = true,
                Legend = new PlotlyLegend(),
            });
    }

    public static PlotlyFigure Categories(WeeklyReview review)
    {
        var x = review.Categories.Select(c => c.Name).ToList();
        return new PlotlyFigure(
            [
                new PlotlyTrace
                {
                    Type = "bar", Name = "This week", X = x, Y = review.Categories.Select(c => (double?)c.Revenue).ToList(),
                    HoverTemplate = $"%{{x}}<br>This week: {review.Currency} %{{y:,.2f}}<extra></extra>",
                    Marker = new PlotlyMarker { Color = Enumerable.Repeat(ChartPalette.Primary, x.Count).ToList() },
                },
                new PlotlyTrace
                {
                    Type = "bar", Name = "Week before", X = x, Y = review.Categories.Select(c => (double?)c.PreviousRevenue).ToList(),
                    HoverTemplate = $"%{{x}}<br>Week before: {review.Currency} %{{y:,.2f}}<extra></extra>",
                    Marker = new PlotlyMarker { Color = Enumerable.Repeat(ChartPalette.Muted, x.Count).ToList() },
                },
            ],
            new PlotlyLayout
            {
                BarMode = "group",
                XAxis = new PlotlyAxis { Type = "category", TickAngle = -35 },
                YAxis = new PlotlyAxis { RangeMode = "tozero", Title = new PlotlyTitle($"Revenue ({review.Currency})") },
                ShowLegend = true,
                Legend = new PlotlyLegend { Y = -0.45 },
                Margin = new PlotlyMargin(B: 90),
            });
    }

    public static PlotlyFigure Movers(IReadOnlyList<Mover> movers, string? currency) => new(
        [new PlotlyTrace
        {
            Type = "bar", Name = "Change of revenue",
            X = movers.Select(m => m.Name).ToList(),
            Y = movers.Select(m => (double?)m.RevenueChange).ToList(),
            Text = movers.Select(m => string.Create(Invariant,
                $"{currency} {m.PreviousRevenue:N2} → {m.Revenue:N2}{(m.RevenueChangeRatio is { } r ? $" ({r:+0.0%;-0.0%})" : "")}<br>orders {m.PreviousOrders:N0} → {m.Orders:N0}")).ToList(),
            TextPosition = "none",
            HoverTemplate = "%{x}<br>%{text}<extra></extra>",
            Marker = new PlotlyMarker { Color = movers.Select(m => m.RevenueChange >= 0 ? ChartPalette.Up : ChartPalette.Down).ToList() },
        }],
        new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Type = "category", TickAngle = -35 },
            YAxis = new PlotlyAxis { Title = new PlotlyTitle($"Revenue change ({currency})") },
            ShowLegend = false,
            Margin = new PlotlyMargin(B: 100),
        });
}
