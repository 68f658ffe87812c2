using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Weekly;

namespace Dashboard.Web.Api;

/// <summary>The numbers behind each chart as CSV, built from the same records the JSON API returns.</summary>
public static class ChartCsv
{
    public static string OverTime(OrdersOverTime data, string? currency)
    {
        var csv = new CsvTable("start", "end", "partial", "orders", "units", $"revenue_{currency}");
        foreach (var p in data.Points)
        {
            csv.Row(p.Start, p.End, p.Partial, p.Orders, p.Units, p.Revenue);
        }
        return csv.ToString();
    }

    public static string Weekdays(IReadOnlyList<WeekdayPoint> data, string? currency)
    {
        var csv = new CsvTable("weekday", "orders", "units", $"revenue_{currency}", "selected");
        foreach (var p in data)
        {
            csv.Row(p.Name, p.Orders, p.Units, p.Revenue, p.Selected);
        }
        return csv.ToString();
    }

    public static string Categories(IReadOnlyList<CategoryPoint> data, string? currency)
    {
        var csv = new CsvTable("category", "orders", "units", $"revenue_{currency}", "selected");
        foreach (var p in data)
        {
            csv.Row(p.Category, p.Orders, p.Units, p.Revenue, p.Selected);
        }
        return csv.ToString();
    }

    public static string Months(IReadOnlyList<MonthPoint> data, string? currency)
    {
        var csv = new CsvTable("month", "days", "partial", $"revenue_{currency}", "orders_with_sales", "average_order_value", "revenue_per_day");
        foreach (var p in data)
        {
            csv.Row(p.Start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), p.Days, p.Partial, p.Revenue,
                p.OrdersWithSales, p.AverageOrderValue, p.RevenuePerDay);
        }
        return csv.ToString();
    }

    public static string Kpis(OverviewKpis kpis)
    {
        var csv = new CsvTable("kpi", "value", "previous", "change", "change_ratio");
        foreach (var (name, k) in new[]
        {
            ("orders", kpis.Orders), ("units", kpis.Units), ("revenue", kpis.Revenue),
            ("average_order_value", kpis.AverageOrderValue), ("cancellation_rate", kpis.CancellationRate),
        })
        {
            csv.Row(name, k.Value, k.Previous, k.Change, k.ChangeRatio);
        }
        return csv.ToString();
    }

    public static string WeekDays(WeeklyReview review)
    {
        var csv = new CsvTable("date", "weekday", "orders", "orders_previous_week", "orders_four_weeks_earlier",
            "revenue", "revenue_previous_week", "revenue_four_weeks_earlier");
        foreach (var d in review.Days)
        {
            csv.Row(d.Date, d.Day.ToString(), d.Orders, d.PreviousWeekOrders, d.FourWeeksEarlierOrders,
                d.Revenue, d.PreviousWeekRevenue, d.FourWeeksEarlierRevenue);
        }
        return csv.ToString();
    }

    public static string Movers(IReadOnlyList<Mover> movers, string what)
    {
        var csv = new CsvTable(what, "revenue", "revenue_previous_week", "revenue_change", "orders", "orders_previous_week");
        foreach (var m in movers)
        {
            csv.Row(m.Name, m.Revenue, m.PreviousRevenue, m.RevenueChange, m.Orders, m.PreviousOrders);
        }
        return csv.ToString();
    }

    public static string Histogram(PurchasesSummary summary)
    {
        var csv = new CsvTable("from", "to", "count");
        foreach (var b in summary.Histogram)
        {
            csv.Row(b.From, b.To, b.Count);
        }
        return csv.ToString();
    }

    public static string Breakdown(PurchaseBreakdown breakdown)
    {
        var csv = new CsvTable(breakdown.Key, "count", "total", "mean", "selected");
        foreach (var g in breakdown.Groups)
        {
            csv.Row(g.Value, g.Count, g.Total, g.Mean, g.Selected);
        }
        return csv.ToString();
    }
}
