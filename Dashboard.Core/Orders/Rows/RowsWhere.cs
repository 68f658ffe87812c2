using System.Globalization;
using Dashboard.Core.Data;
using Dashboard.Core.Paging;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// The SQL condition on <c>order_lines</c> of a compiled filter (every dimension, the weekday included), a date range and
/// a search prefix, with its parameters; the same lines the frame's scans pass, the filter's names resolved against the
/// data's own names as <see cref="CompiledFilter"/> resolves them.
/// </summary>
internal sealed class RowsWhere : SqlCondition
{
    public RowsWhere(StoreKind kind, IOrdersData s, CompiledFilter f, DateRange range, string? prefix)
        : base("order_date >= @from AND order_date <= @to")
    {
        Parameter("@from", range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Parameter("@to", range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Parameter("@cancelled", nameof(StatusGroup.Cancelled));
        Parameter("@currency", f.Currency >= 0 ? s.Currencies[f.Currency] : "");
        Picked("category", "category", f.Category, s.Categories);
        States(f.State, s.States);
        Picked("status_group", "status", f.Status, Enum.GetNames<StatusGroup>());
        Picked("fulfilment", "fulfilment", f.Fulfilment, s.Fulfilments);
        Picked("sales_channel", "channel", f.Channel, s.SalesChannels);
        Picked("service_level", "service", f.Service, s.ServiceLevels);
        if (f.B2B is { } b2b)
        {
            And("b2b = @b2b", ("@b2b", b2b));
        }
        if (f.Weekday is { } weekdays)
        {
            var days = Enumerable.Range(0, 7).Where(d => weekdays[d]).Select(d => d.ToString(CultureInfo.InvariantCulture));
            And($"{kind.WeekdayOf("order_date")} IN ({string.Join(", ", days)})");
        }
        if (prefix is not null)
        {
            StartsWith(["order_id", "sku", "city"], prefix);
        }
    }

    /// <summary>
    /// The states picked, on the column itself (no state: NULL) so that PostgreSQL's planner knows from its statistics how
    /// few lines a rare state has and reads them by the state index instead of walking the amount index for them.
    /// </summary>
    private void States(bool[]? allowed, IReadOnlyList<string> names)
    {
        if (allowed is null)
        {
            return;
        }
        var picked = Enumerable.Range(0, names.Count).Where(i => allowed[i]).Select(i => (object)names[i]).ToList();
        if (!picked.Contains(""))
        {
            In("state", "state", picked);
            return;
        }
        var parameters = picked.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@state{i}")).ToList();
        And($"(state IS NULL OR state IN ({string.Join(", ", parameters)}))", [.. parameters.Zip(picked, (n, v) => (n, v))]);
    }

    /// <summary>The column among the names the filter picked (none picked: no line); no condition when it picks none of them.</summary>
    private void Picked(string column, string prefix, bool[]? allowed, IReadOnlyList<string> names)
    {
        if (allowed is not null)
        {
            In(column, prefix, [.. Enumerable.Range(0, names.Count).Where(i => allowed[i]).Select(i => (object)names[i])]);
        }
    }
}
