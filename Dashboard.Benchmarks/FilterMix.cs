// In the orders' namespace so that it reads the same in the benchmarks and in the tests, which link this file.
namespace Dashboard.Core.Orders;

/// <summary>
/// The benchmarks' 60 filters: a deterministic mix of what analysts do (date ranges, categories, status groups, states,
/// B2B, weekdays, grains), drawn from the data's own values. The tests link this file, so that they check the very
/// filters the benchmarks time.
/// </summary>
internal static class FilterMix
{
    public static IEnumerable<(OrderFilter Filter, TimeGrain Grain)> Of(IOrdersData s)
    {
        var random = new Random(20220630);
        var min = s.MinDate!.Value;
        var days = s.MaxDate!.Value.DayNumber - min.DayNumber + 1;
        var grains = Enum.GetValues<TimeGrain>();
        var states = s.States.Where(x => x.Length > 0).ToList();
        for (var i = 0; i < 60; i++)
        {
            var filter = OrderFilter.None;
            if (i % 3 != 0)
            {
                var from = min.AddDays(random.Next(days / 2));
                filter = filter with { From = from, To = from.AddDays(7 + random.Next(days / 2)) };
            }
            if (i % 4 == 1)
            {
                filter = filter with { Categories = [s.Categories[random.Next(s.Categories.Count)]] };
            }
            if (i % 5 == 2)
            {
                filter = filter with { StatusGroups = [StatusGroup.Shipped, StatusGroup.Delivered] };
            }
            if (i % 6 == 3 && states.Count > 0)
            {
                filter = filter with { States = [states[random.Next(states.Count)], states[random.Next(states.Count)]] };
            }
            if (i % 7 == 4)
            {
                filter = filter with { B2B = false };
            }
            if (i % 8 == 5)
            {
                filter = filter with { Weekdays = [DayOfWeek.Saturday, DayOfWeek.Sunday] };
            }
            yield return (filter, grains[i % grains.Length]);
        }
    }
}
