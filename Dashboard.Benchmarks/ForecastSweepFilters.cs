
/// <summary>
/// The filters the forecast's protocol is swept over beyond the ones the acceptance text names (outside checks use filters
/// that are not named): every category, every state with at least 20 orders a day, each fulfilment, sales channel, service
/// level and status group, business and consumer customers, and two-key filters (each of the three largest categories × each
/// of the three largest states, × each fulfilment and × each sales channel; the largest state × each fulfilment).
/// </summary>
internal static class ForecastSweepFilters
{
    public static async Task<List<(string Name, OrderFilter Filter)>> AllAsync(OrdersOverviewQuery overview)
    {
        var options = await overview.GetFilterOptionsAsync();
        var none = OrderFilter.None;
        var whole = await overview.GetAsync(none, TimeGrain.Day);
        var days = Math.Max(1, whole.OverTime.Points.Count);
        var states = new List<(string State, double Orders)>();
        foreach (var state in options.States)
        {
            states.Add((state, (await overview.GetAsync(none with { States = [state] })).Categories.Sum(c => (double)c.Orders)));
        }
        var large = states.Where(s => s.Orders / days >= 20).OrderByDescending(s => s.Orders).Select(s => s.State).ToList();
        var categories = whole.Categories.OrderByDescending(c => c.Orders).Select(c => c.Category).ToList();
        var filters = new List<(string Name, OrderFilter Filter)> { ("no filter", none) };
        filters.AddRange(categories.Select(c => ($"category {c}", none with { Categories = [c] })));
        filters.AddRange(large.Select(s => ($"state {s}", none with { States = [s] })));
        filters.AddRange(options.Fulfilments.Select(f => ($"fulfilment {f}", none with { Fulfilments = [f] })));
        filters.AddRange(options.SalesChannels.Select(c => ($"channel {c}", none with { SalesChannels = [c] })));
        filters.AddRange(options.ServiceLevels.Select(c => ($"service {c}", none with { ServiceLevels = [c] })));
        filters.AddRange(options.StatusGroups.Select(g => ($"status {g}", none with { StatusGroups = [g] })));
        filters.Add(("business customers", none with { B2B = true }));
        filters.Add(("consumers", none with { B2B = false }));
        foreach (var c in categories.Take(3))
        {
            filters.AddRange(large.Take(3).Select(s => ($"category {c} + state {s}", none with { Categories = [c], States = [s] })));
            filters.AddRange(options.Fulfilments.Select(f => ($"category {c} + fulfilment {f}", none with { Categories = [c], Fulfilments = [f] })));
            filters.AddRange(options.SalesChannels.Select(ch => ($"category {c} + channel {ch}", none with { Categories = [c], SalesChannels = [ch] })));
        }
        filters.AddRange(options.Fulfilments.Select(f => ($"state {large[0]} + fulfilment {f}", none with { States = [large[0]], Fulfilments = [f] })));
        return filters;
    }
}
