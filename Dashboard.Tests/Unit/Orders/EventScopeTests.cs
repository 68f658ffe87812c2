using Dashboard.Core.Events;
using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Orders;

/// <summary>
/// Which days an event leaves out of the models for a filter (docs/decisions/0033-timeline-events.md): an event for one
/// category or state covers the filters that include it (none chosen, or it among those chosen), one for neither every filter.
/// </summary>
public sealed class EventScopeTests
{
    private static TimelineEvent Event(string start, string end, string? category = null, string? state = null, bool exclude = true) => new()
    {
        Label = "e", Start = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        End = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        Category = category, State = state, ExcludeFromModels = exclude, CreatedBy = "t",
    };

    private static OrderFilter Filter(params (string Key, string Value)[] pairs) =>
        OrderFilter.Parse(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    [Fact]
    public void AnEventForEverythingLeavesItsDaysOutOfEveryFilter()
    {
        var days = TimelineEvents.ExcludedDays([Event("2022-06-01", "2022-06-03")], Filter(("category", "Set")));

        Assert.Equal([new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 2), new DateOnly(2022, 6, 3)], days.Order());
    }

    [Fact]
    public void ACategorysEventCoversAllCategoriesAndItselfButNotAnotherCategory()
    {
        var kurta = Event("2022-06-05", "2022-06-05", category: "kurta");

        Assert.True(TimelineEvents.Covers(kurta, OrderFilter.None));
        Assert.True(TimelineEvents.Covers(kurta, Filter(("category", "KURTA"), ("category", "Set"))));
        Assert.False(TimelineEvents.Covers(kurta, Filter(("category", "Set"))));
        Assert.Empty(TimelineEvents.ExcludedDays([kurta], Filter(("category", "Set"))));
    }

    [Fact]
    public void AnEventForACategoryAndAStateNeedsBothInScope()
    {
        var both = Event("2022-06-05", "2022-06-06", category: "kurta", state: "GOA");

        Assert.True(TimelineEvents.Covers(both, Filter(("state", "goa"))));
        Assert.False(TimelineEvents.Covers(both, Filter(("category", "kurta"), ("state", "KERALA"))));
    }

    [Fact]
    public void OnlyEventsMarkedToBeLeftOutLeaveDaysOut()
    {
        var days = TimelineEvents.ExcludedDays(
            [Event("2022-06-01", "2022-06-01", exclude: false), Event("2022-06-02", "2022-06-02"), Event("2022-06-02", "2022-06-03")], OrderFilter.None);

        Assert.Equal([new DateOnly(2022, 6, 2), new DateOnly(2022, 6, 3)], days.Order());
    }
}
