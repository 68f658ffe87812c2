using Dashboard.Core.Orders;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Components.Pages.Rows;

/// <summary>
/// Links to the rows explorer from a number elsewhere (drill-through): the page's filter narrowed to the bar, point or tile
/// that was clicked (a category, a state, a weekday, a period), everything else of the filter kept.
/// </summary>
public static class RowsLinks
{
    public static string Of(OrderFilter filter) => OrderRowsPage.PagePath + Text.Query(filter.ToPairs());

    public static string Category(OrderFilter filter, string category) => Of(filter with { Categories = [category] });

    public static string State(OrderFilter filter, string state) => Of(filter with { States = [state] });

    public static string Weekday(OrderFilter filter, DayOfWeek day) => Of(filter with { Weekdays = [day] });

    /// <summary>The days <paramref name="start"/>..<paramref name="end"/>, within the filter's own dates.</summary>
    public static string Period(OrderFilter filter, DateOnly start, DateOnly end) => Of(filter with
    {
        From = filter.From is { } from && from > start ? from : start,
        To = filter.To is { } to && to < end ? to : end,
    });

    /// <summary>The cancelled lines of the filter (the cancellation rate's numerator).</summary>
    public static string Cancelled(OrderFilter filter) => Of(filter with { StatusGroups = [StatusGroup.Cancelled] });
}
