using System.Globalization;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Core.Purchases;
using Dashboard.Core.Purchases.Rows;
using Microsoft.AspNetCore.Authorization;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// The rows behind the numbers, for scripts: a page of order lines (<c>/api/orders/rows</c>) or purchases
/// (<c>/api/purchases/rows</c>) with the overview's filter keys and <c>q</c> (a prefix), <c>sort</c>, <c>dir</c>,
/// <c>offset</c> and <c>limit</c> (the order rows also <c>after</c>: the <c>next</c> cursor of the page before, keyset
/// paging, docs/decisions/0035-keyset-rows.md), the totals of every matching row, and every matching row as a download in the same sort
/// (<c>.csv</c>, <c>.xlsx</c>, <c>.parquet</c>, <c>.arrow</c>); one order's lines and their history (<c>/api/orders/by-id/ID</c>).
/// A bad key answers 400 with the reason. Mapped inside the analytics API's group: the same sign-in and roles.
/// </summary>
public static class RowsApi
{
    public const string SearchKey = "q";
    public const string SortKey = "sort";
    public const string DirectionKey = "dir";
    public const string OffsetKey = "offset";
    public const string LimitKey = "limit";
    public const string AfterKey = "after";

    public static void MapRows(RouteGroupBuilder orders, RouteGroupBuilder purchases)
    {
        // The rows are the analysts' (as the downloads are, decision 0008); the charts' numbers stay the viewers'.
        var analysts = new AuthorizeAttribute { Roles = Roles.Analyst };
        orders.MapGet("/rows", async (HttpRequest r, OrderRowsQuery q, CancellationToken ct) =>
            ParseOrders(r, out var request) is { } bad ? bad : Results.Ok(Json(await q.PageAsync(request, ct), request))).WithMetadata(analysts);
        orders.MapGet("/by-id/{orderId}", async (string orderId, OrderRowsQuery q, CancellationToken ct) =>
            await q.OrderAsync(orderId, ct) is { } story ? Results.Ok(Json(story)) : Results.NotFound($"No order has the ID '{orderId}'."))
            .WithMetadata(analysts);
        purchases.MapGet("/rows", async (HttpRequest r, PurchaseRowsQuery q, CancellationToken ct) =>
            ParsePurchases(r, out var request) is { } bad ? bad : Results.Ok(await q.PageAsync(request, ct))).WithMetadata(analysts);
        foreach (var format in AnalyticsApi.DownloadFormats)
        {
            // lines.* are the order-lines downloads of before; they now take the rows' search and sort as well.
            foreach (var name in new[] { "rows", "lines" })
            {
                orders.MapGet($"/{name}.{format.Extension}", async (HttpRequest r, OrderLinesExport q, OrderRowsQuery rows, DownloadSlots slots, CancellationToken ct) =>
                    ParseOrders(r, out var request) is { } bad ? bad
                    : format == DownloadFormat.Xlsx && XlsxExport.TooManyRows((await rows.PageAsync(request with { Offset = 0, Limit = 1 }, ct)).Lines) is { } tooMany
                        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [tooMany] })
                    : await AnalyticsApi.Download(slots, format, "order-lines", (writer, c) => q.WriteAsync(request, writer, c), ct));
            }
            purchases.MapGet($"/rows.{format.Extension}", async (HttpRequest r, PurchaseRowsQuery q, DownloadSlots slots, CancellationToken ct) =>
                ParsePurchases(r, out var request) is { } bad ? bad
                    : format == DownloadFormat.Xlsx && XlsxExport.TooManyRows((await q.PageAsync(request with { Offset = 0, Limit = 1 }, ct)).Transactions) is { } tooMany
                        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [tooMany] })
                    : await AnalyticsApi.Download(slots, format, "purchases", (writer, c) => q.WriteAsync(request, writer, c), ct));
        }
    }

    /// <summary>An order-rows request from the query string; a 400 with every reason when a key cannot be read.</summary>
    internal static IResult? ParseOrders(HttpRequest r, out RowsRequest request)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(r.Query).ToList();
        var filter = OrderFilter.Parse(pairs, errors);
        var sort = RowsColumn.Date;
        if (Single(pairs, SortKey) is { } sortKey && !RowsColumns.TryParse(sortKey, out sort))
        {
            errors.Add($"{SortKey}: '{sortKey}' is not a column ({RowsColumns.Names}).");
        }
        RowsCursor? after = null;
        if (Single(pairs, AfterKey) is { } afterKey && !RowsCursor.TryParse(afterKey, out after, out var problem))
        {
            errors.Add($"{AfterKey}: '{Core.Data.TextLimits.Shorten(afterKey, 40)}' {problem}");
        }
        request = new RowsRequest(filter, Single(pairs, SearchKey), sort, Descending(pairs, errors),
            Number(pairs, OffsetKey, 0, errors), Number(pairs, LimitKey, RowsRequest.DefaultLimit, errors), after);
        errors.AddRange(request.Problems());
        return errors.Count > 0 ? Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. errors.Distinct()] }) : null;
    }

    internal static IResult? ParsePurchases(HttpRequest r, out PurchaseRowsRequest request)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(r.Query).ToList();
        var sort = PurchaseRowsColumn.UserId;
        if (Single(pairs, SortKey) is { } sortKey && !PurchaseRowsColumns.TryParse(sortKey, out sort))
        {
            errors.Add($"{SortKey}: '{sortKey}' is not a column ({PurchaseRowsColumns.Names}).");
        }
        request = new PurchaseRowsRequest(PurchaseFilter.Parse(pairs), Single(pairs, SearchKey), sort, Descending(pairs, errors),
            Number(pairs, OffsetKey, 0, errors), Number(pairs, LimitKey, PurchaseRowsRequest.DefaultLimit, errors));
        errors.AddRange(request.Problems());
        return errors.Count > 0 ? Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. errors.Distinct()] }) : null;
    }

    private static string? Single(List<KeyValuePair<string, string?>> pairs, string key) =>
        pairs.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } v && v.Trim().Length > 0 ? v.Trim() : null;

    private static bool Descending(List<KeyValuePair<string, string?>> pairs, List<string> errors)
    {
        switch (Single(pairs, DirectionKey)?.ToLowerInvariant())
        {
            case null or "asc": return false;
            case "desc": return true;
            case var other:
                errors.Add($"{DirectionKey}: '{other}' is not asc or desc.");
                return false;
        }
    }

    private static int Number(List<KeyValuePair<string, string?>> pairs, string key, int missing, List<string> errors)
    {
        if (Single(pairs, key) is not { } text)
        {
            return missing;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors.Add($"{key}: '{Core.Data.TextLimits.Shorten(text, 40)}' is not a whole number.");
        return missing;
    }

    /// <summary>
    /// The page as the API names it: the totals, the cursor of the next page (<c>after=</c>; null when this page is not
    /// full), then each row with the field names.
    /// </summary>
    private static object Json(RowsPage page, RowsRequest request) => new
    {
        total = page.Lines,
        orders = page.Orders,
        units = page.Units,
        revenue = page.Revenue,
        currency = page.Currency,
        next = page.Rows.Count == request.Limit ? RowsCursor.After(page.Rows[^1], request.Sort, request.Descending).Encode() : null,
        rows = page.Rows.Select(Json),
    };

    private static object Json(OrderRow r) => new
    {
        orderId = r.OrderId,
        sku = r.Sku,
        date = r.Date,
        status = r.Status,
        statusGroup = r.StatusGroup.ToString(),
        category = r.Category,
        size = r.Size,
        qty = r.Qty,
        currency = r.Currency,
        amount = r.Amount,
        city = r.City,
        state = r.State,
        fulfilment = r.Fulfilment,
        channel = r.Channel,
        serviceLevel = r.ServiceLevel,
        b2b = r.B2B,
    };

    private static object Json(OrderStory story) => new
    {
        orderId = story.OrderId,
        lines = story.Lines.Select(l => new
        {
            line = Json(l.Line),
            history = l.History.Select(v => new
            {
                batchId = v.BatchId,
                fileName = v.FileName,
                importedAt = v.ImportedAt,
                date = v.Date,
                status = v.Status,
                statusGroup = v.StatusGroup.ToString(),
                qty = v.Qty,
                currency = v.Currency,
                amount = v.Amount,
            }),
        }),
    };
}
