using Dashboard.Core.Drivers;
using Dashboard.Core.Orders;

namespace Dashboard.Web.Api;

/// <summary>
/// What drove a change (docs/decisions/0032-drivers-mix-and-rate.md): <c>/api/orders/weekly-review/drivers</c> (the week
/// against the week before) and <c>/api/orders/drivers</c> (the overview's period against the previous one), with
/// <c>kpi=orders|units|revenue|aov|cancellation</c> and <c>by=category|state|fulfilment|channel</c>.
/// </summary>
public static class DriversApi
{
    public const string KpiKey = "kpi";
    public const string ByKey = "by";

    public static readonly IReadOnlyDictionary<string, DriverKpi> Kpis = new Dictionary<string, DriverKpi>(StringComparer.OrdinalIgnoreCase)
    {
        ["orders"] = DriverKpi.Orders, ["units"] = DriverKpi.Units, ["revenue"] = DriverKpi.Revenue,
        ["aov"] = DriverKpi.AverageOrderValue, ["cancellation"] = DriverKpi.CancellationRate,
    };

    public static readonly IReadOnlyDictionary<string, DriverDimension> Dimensions = new Dictionary<string, DriverDimension>(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = DriverDimension.Category, ["state"] = DriverDimension.State,
        ["fulfilment"] = DriverDimension.Fulfilment, ["channel"] = DriverDimension.Channel,
    };

    /// <summary>Maps both routes into the orders group (whose role the analytics API sets: viewers read them).</summary>
    public static void MapDrivers(RouteGroupBuilder orders)
    {
        orders.MapGet("/weekly-review/drivers", (HttpRequest r, DriversQuery q, CancellationToken ct) =>
            Answer(r, true, (week, filter, kpi, by) => q.WeeklyAsync(week, kpi, by, filter, ct)));
        orders.MapGet("/drivers", (HttpRequest r, DriversQuery q, CancellationToken ct) =>
            Answer(r, false, (_, filter, kpi, by) => q.OverviewAsync(filter, kpi, by, ct)));
    }

    private static async Task<IResult> Answer(HttpRequest request, bool weekly, Func<DateOnly?, OrderFilter, DriverKpi, DriverDimension, Task<DriverBreakdown>> read)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(request.Query).ToList();
        var filter = OrderFilter.Parse(pairs, errors);
        var week = weekly ? QueryParsing.Week(pairs, errors) : null;
        var kpi = Named(pairs, KpiKey, Kpis, DriverKpi.Orders, errors);
        var by = Named(pairs, ByKey, Dimensions, DriverDimension.Category, errors);
        errors.AddRange(filter.Problems());
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. errors] });
        }
        var b = await read(week, filter, kpi, by);
        return Results.Json(new
        {
            kpi = Kpis.First(k => k.Value == b.Kpi).Key,
            by = Dimensions.First(d => d.Value == b.By).Key,
            period = new { from = b.Period.From, to = b.Period.To },
            basePeriod = new { from = b.BasePeriod.From, to = b.BasePeriod.To },
            b.Currency,
            b.Before,
            b.After,
            b.Delta,
            parts = b.Parts.Select(p => new { p.Value, p.Contribution, p.Mix, p.Rate }),
            b.Unavailable,
        });
    }

    /// <summary>The KPI and dimension a page's URL asks for (orders by category when it names none or one it does not know).</summary>
    public static (DriverKpi Kpi, DriverDimension By) Parse(List<KeyValuePair<string, string?>> pairs) =>
        (Named(pairs, KpiKey, Kpis, DriverKpi.Orders, []), Named(pairs, ByKey, Dimensions, DriverDimension.Category, []));

    /// <summary>A page's URL keys for a KPI and dimension; none for the defaults.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToPairs(DriverKpi kpi, DriverDimension by)
    {
        if (kpi != DriverKpi.Orders)
        {
            yield return new(KpiKey, Kpis.First(k => k.Value == kpi).Key);
        }
        if (by != DriverDimension.Category)
        {
            yield return new(ByKey, Dimensions.First(d => d.Value == by).Key);
        }
    }

    private static T Named<T>(List<KeyValuePair<string, string?>> pairs, string key, IReadOnlyDictionary<string, T> names, T fallback, List<string> errors)
    {
        var value = pairs.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value)).Value?.Trim();
        if (value is null)
        {
            return fallback;
        }
        if (names.TryGetValue(value, out var found))
        {
            return found;
        }
        errors.Add($"{key}: '{Dashboard.Core.Data.TextLimits.Shorten(value, 40)}' is not one of {string.Join(", ", names.Keys)}.");
        return fallback;
    }
}
