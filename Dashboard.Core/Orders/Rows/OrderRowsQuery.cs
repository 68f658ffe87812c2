using Dashboard.Core.Data;
using Dashboard.Core.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// The rows behind the order screens' numbers: a page of the lines a filter (and a search) selects in any column's sort,
/// with the totals of all of them, which for a filter alone are the overview's KPIs (the same measures, read from the same
/// data); and one order's story.
/// </summary>
public sealed class OrderRowsQuery(OrdersFrameCache frames, IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>The page <paramref name="request"/> asks for; call <see cref="RowsRequest.Problems"/> first (a bad request throws).</summary>
    public Task<RowsPage> PageAsync(RowsRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Problems().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }
        return DashboardTelemetry.QueryAsync("rows", () =>
            frames.ReadAsync(s => PageOfAsync(s, request, cancellationToken), cancellationToken));
    }

    /// <summary>Every line of the order <paramref name="orderId"/> with its history across imports; null when no line has that Order ID.</summary>
    public async Task<OrderStory?> OrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrderStories.ReadAsync(db, orderId, cancellationToken);
    }

    private async Task<RowsPage?> PageOfAsync(IOrdersData s, RowsRequest request, CancellationToken cancellationToken)
    {
        var currency = request.Filter.Currency ?? s.MainCurrency;
        if (OrdersOverviewQuery.RangeOf(s, request.Filter) is not { Days: > 0 } range)
        {
            return RowsPage.Empty(currency);
        }
        var f = new CompiledFilter(s, request.Filter);
        OrderMeasures? totals = null;
        if (request.Prefix is null)
        {
            if (await s.MeasureAsync(f, [new MeasuresRequest(range)], cancellationToken) is not { } measures)
            {
                return null;
            }
            totals = measures[0][0];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (totals is { } t && s.PageIds(f, range, request) is { } ids)
        {
            // Sorted by the data itself: the store is read only for the page's own lines.
            return await StoreRows.ByIdsAsync(db, s, ids, cancellationToken) is { } rows
                ? new RowsPage(t.Lines, t.Orders, t.Units, t.Revenue, currency, rows)
                : null;
        }
        if (await StoreRows.PageAsync(db, s, f, range, request, totals is null, cancellationToken) is not { } page)
        {
            return null;
        }
        var all = totals ?? page.Totals!;
        return new RowsPage(all.Lines, all.Orders, all.Units, all.Revenue, currency, page.Rows);
    }
}
