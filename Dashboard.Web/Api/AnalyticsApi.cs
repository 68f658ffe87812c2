using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Weekly;
using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Microsoft.AspNetCore.Authorization;
using static Dashboard.Web.Auth.Principals;

namespace Dashboard.Web.Api;

/// <summary>
/// The read-only JSON API under <c>/api/</c>: the data behind every chart, for the filters in the query string
/// (the same keys as the pages' URLs), each chart's numbers as CSV (<c>.csv</c> routes, built from the same data), and
/// the filtered rows themselves as Parquet and Arrow IPC (<c>.parquet</c>, <c>.arrow</c>).
/// </summary>
public static class AnalyticsApi
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        // Viewers read the charts' data; the CSV, Parquet and Arrow exports are for analysts (decision 0008).
        var api = app.MapGroup("/api").WithTags("Analytics").RequireAuthorization(p => p.RequireRole(Roles.Viewer));
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && IsExport(route))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute { Roles = Roles.Analyst });
            }
        });

        api.MapGet("/dataset", (DatasetSummaryQuery q, CancellationToken ct) => q.GetAsync(ct));

        var orders = api.MapGroup("/orders");
        MapOrderCharts(orders);
        MapWeeklyReview(orders);
        var purchases = api.MapGroup("/purchases");
        MapDownloads(orders, purchases);
        MapPurchases(purchases);
        return app;
    }

    /// <summary>The orders overview: its filters' values, the whole overview, and each chart's data as JSON and as CSV.</summary>
    private static void MapOrderCharts(RouteGroupBuilder orders)
    {
        orders.MapGet("/filters", (OrdersOverviewQuery q, CancellationToken ct) => q.GetFilterOptionsAsync(ct));
        orders.MapGet("/overview", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, grain) => Results.Ok(await q.GetAsync(f, grain, ct))));
        orders.MapGet("/kpis", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) => Results.Ok((await q.GetAsync(f, TimeGrain.Day, ct)).Kpis)));
        orders.MapGet("/kpis.csv", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) => (await q.GetAsync(f, TimeGrain.Day, ct)).Kpis is { } k ? Csv(ChartCsv.Kpis(k), "kpis") : Results.NoContent()));
        orders.MapGet("/over-time", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, grain) => Results.Ok((await q.GetAsync(f, grain, ct)).OverTime)));
        orders.MapGet("/over-time.csv", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, grain) =>
            {
                var o = await q.GetAsync(f, grain, ct);
                return Csv(ChartCsv.OverTime(o.OverTime, o.Currency), $"orders-over-time-{grain.ToString().ToLowerInvariant()}");
            }));
        orders.MapGet("/weekdays", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) => Results.Ok((await q.GetAsync(f, TimeGrain.Day, ct)).Weekdays)));
        orders.MapGet("/weekdays.csv", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) =>
            {
                var o = await q.GetAsync(f, TimeGrain.Day, ct);
                return Csv(ChartCsv.Weekdays(o.Weekdays, o.Currency), "weekday-volume");
            }));
        orders.MapGet("/categories", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) => Results.Ok((await q.GetAsync(f, TimeGrain.Day, ct)).Categories)));
        orders.MapGet("/categories.csv", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) =>
            {
                var o = await q.GetAsync(f, TimeGrain.Day, ct);
                return Csv(ChartCsv.Categories(o.Categories, o.Currency), "sales-by-category");
            }));
        orders.MapGet("/months", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) => Results.Ok((await q.GetAsync(f, TimeGrain.Day, ct)).Months)));
        orders.MapGet("/months.csv", (HttpRequest r, OrdersOverviewQuery q, CancellationToken ct) =>
            WithOrders(r, async (f, _) =>
            {
                var o = await q.GetAsync(f, TimeGrain.Day, ct);
                return Csv(ChartCsv.Months(o.Months, o.Currency), "average-monthly-sales");
            }));
    }

    private static void MapWeeklyReview(RouteGroupBuilder orders)
    {
        orders.MapGet("/weekly-review", (HttpRequest r, WeeklyReviewQuery q, CancellationToken ct) =>
            WithWeek(r, async (week, f) => Results.Ok(await q.GetAsync(week, f, ct))));
        orders.MapGet("/weekly-review/days.csv", (HttpRequest r, WeeklyReviewQuery q, CancellationToken ct) =>
            WithWeek(r, async (week, f) => Csv(ChartCsv.WeekDays(await q.GetAsync(week, f, ct)), "weekly-review-days")));
        orders.MapGet("/weekly-review/categories.csv", (HttpRequest r, WeeklyReviewQuery q, CancellationToken ct) =>
            WithWeek(r, async (week, f) => Csv(ChartCsv.Movers((await q.GetAsync(week, f, ct)).Categories, "category"), "weekly-review-categories")));
        orders.MapGet("/weekly-review/states.csv", (HttpRequest r, WeeklyReviewQuery q, CancellationToken ct) =>
            WithWeek(r, async (week, f) => Csv(ChartCsv.Movers((await q.GetAsync(week, f, ct)).StateMovers, "state"), "weekly-review-states")));
    }

    private static void MapPurchases(RouteGroupBuilder purchases)
    {
        purchases.MapGet("/filters", (PurchasesQuery q, CancellationToken ct) => q.GetFilterOptionsAsync(ct));
        purchases.MapGet("/summary", async (HttpRequest r, PurchasesQuery q, CancellationToken ct) =>
            Results.Ok(await q.GetAsync(PurchaseFilter.Parse(QueryParsing.Pairs(r.Query)), ct)));
        purchases.MapGet("/histogram.csv", async (HttpRequest r, PurchasesQuery q, CancellationToken ct) =>
            Csv(ChartCsv.Histogram(await q.GetAsync(PurchaseFilter.Parse(QueryParsing.Pairs(r.Query)), ct)), "purchase-histogram"));
        purchases.MapGet("/by/{dimension}", async (string dimension, HttpRequest r, PurchasesQuery q, CancellationToken ct) =>
            QueryParsing.Dimension(dimension) is { } d
                ? Results.Ok((await q.GetAsync(PurchaseFilter.Parse(QueryParsing.Pairs(r.Query)), ct)).Breakdowns.Single(b => b.Dimension == d))
                : UnknownDimension(dimension));
        purchases.MapGet("/by/{dimension}.csv", async (string dimension, HttpRequest r, PurchasesQuery q, CancellationToken ct) =>
            QueryParsing.Dimension(dimension) is { } d
                ? Csv(ChartCsv.Breakdown((await q.GetAsync(PurchaseFilter.Parse(QueryParsing.Pairs(r.Query)), ct)).Breakdowns.Single(b => b.Dimension == d)),
                    $"purchases-by-{dimension.ToLowerInvariant()}")
                : UnknownDimension(dimension));
    }

    /// <summary>The rows themselves, in each <see cref="DownloadFormats"/> format (the order and purchase rows: <see cref="RowsApi"/>).</summary>
    private static void MapDownloads(RouteGroupBuilder orders, RouteGroupBuilder purchases)
    {
        RowsApi.MapRows(orders, purchases);
        foreach (var format in DownloadFormats)
        {
            purchases.MapGet($"/transactions.{format.Extension}", (HttpRequest r, PurchasesExport q, DownloadSlots slots, CancellationToken ct) =>
                Download(slots, format, "purchases", (writer, c) => q.WriteAsync(PurchaseFilter.Parse(QueryParsing.Pairs(r.Query)), writer, c), ct));
        }
    }

    /// <summary>The response header that says a series came at a coarser grain than asked, and which it was asked at.</summary>
    public const string CoarsenedHeader = "X-Series-Coarsened-From";

    private static readonly string[] ExportSuffixes = [".csv", ".xlsx", ".parquet", ".arrow"];

    private static bool IsExport(string route) => ExportSuffixes.Any(suffix => route.EndsWith(suffix, StringComparison.Ordinal));

    internal static readonly DownloadFormat[] DownloadFormats = [DownloadFormat.Csv, DownloadFormat.Xlsx, DownloadFormat.Parquet, DownloadFormat.Arrow];

    /// <summary>How long a download refused for want of a slot is asked to wait, in seconds.</summary>
    public const int DownloadRetrySeconds = 10;

    /// <summary>
    /// The rows as a file download, in one of the <see cref="DownloadSlots"/> (503 with <c>Retry-After</c> when none is
    /// free). Written batch by batch as the rows are read, to a temporary file (deleted when sent), then sent: the Parquet
    /// writer needs a stream it can ask for its position, the response gets a Content-Length, and a download the store
    /// changed under is refused (503) before any of it was sent.
    /// </summary>
    internal static async Task<IResult> Download(DownloadSlots slots, DownloadFormat format, string name,
        Func<ITableWriter, CancellationToken, Task> write, CancellationToken ct)
    {
        using var slot = slots.TryTake();
        if (slot is null)
        {
            return new DownloadsBusyResult();
        }
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"dashboard-export-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var writer = format.Writer(file);
            await write(writer, ct);
            await writer.CompleteAsync(ct);
            file.Position = 0;
            return Results.Stream(file, format == DownloadFormat.Csv ? CsvType : format.ContentType, $"{name}.{format.Extension}");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every download slot is taken: 503, and when to ask again.</summary>
    private sealed class DownloadsBusyResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = DownloadRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            return httpContext.Response.WriteAsync("Too many downloads are being written at once; try again in a few seconds.");
        }
    }

    private static async Task<IResult> WithOrders(HttpRequest request, Func<OrderFilter, TimeGrain, Task<IResult>> answer)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(request.Query).ToList();
        var filter = OrderFilter.Parse(pairs, errors);
        var grain = QueryParsing.Grain(pairs, errors);
        errors.AddRange(filter.Problems());
        if (errors.Count > 0)
        {
            return BadQuery(errors);
        }
        // The series' length: the filter's dates, or the data's own first and last day where the filter leaves them open.
        var options = await request.HttpContext.RequestServices.GetRequiredService<OrdersOverviewQuery>().GetFilterOptionsAsync(request.HttpContext.RequestAborted);
        if ((filter.From ?? options.MinDate) is { } from && (filter.To ?? options.MaxDate) is { } to)
        {
            var fitting = QueryParsing.CoarsenToFit(grain, from, to);
            if (fitting != grain)
            {
                request.HttpContext.Response.Headers[CoarsenedHeader] = grain.ToString().ToLowerInvariant();
                grain = fitting;
            }
        }
        return await answer(filter, grain);
    }

    private static async Task<IResult> WithWeek(HttpRequest request, Func<DateOnly?, OrderFilter, Task<IResult>> answer)
    {
        var errors = new List<string>();
        var pairs = QueryParsing.Pairs(request.Query).ToList();
        var filter = OrderFilter.Parse(pairs, errors);
        var week = QueryParsing.Week(pairs, errors);
        errors.AddRange(filter.Problems());
        return errors.Count > 0 ? BadQuery(errors) : await answer(week, filter);
    }

    private static IResult BadQuery(List<string> errors) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. errors] });

    private static IResult UnknownDimension(string dimension) =>
        Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["dimension"] = [$"'{dimension}' is not one of {string.Join(", ", PurchaseFilter.Keys.Values)}."],
        });

    private static IResult Csv(string text, string name) =>
        Results.Text(text, CsvType, System.Text.Encoding.UTF8) is var result
            ? new CsvResult(result, $"{name}.csv")
            : result;

    /// <summary>A CSV body with a Content-Disposition that names the file.</summary>
    private sealed class CsvResult(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
