using Dashboard.Core.Display;
using Dashboard.Core.Events;
using Dashboard.Core.Forecasting;
using Dashboard.Core.Orders;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Models;

/// <summary>
/// The Models page's forecast backtest: for the overview's forecast (day grain, no filter, the chosen metric), each method's
/// MAE, MASE and sMAPE and the bands' coverage for 1, 2–7 and 8–14 days ahead and over all 14 (the data keeps each horizon:
/// <see cref="OrdersForecast.Table"/>). The "1–14" line of the shown method is the API's <c>backtest</c>.
/// </summary>
public sealed partial class ForecastBacktestSection : ComponentBase
{
    private static readonly (int From, int To)[] Groups = [(1, 1), (2, 7), (8, 14), (1, 14)];
    private OrderMetric _metric = OrderMetric.Orders;
    private OrdersForecast? _forecast;

    [Inject]
    private OrdersForecastQuery Forecasts { get; set; } = default!;

    [Inject]
    private TimelineEvents Events { get; set; } = default!;

    private static DisplayNumbers Numbers => DisplayNumbers.Current;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task MetricChanged(OrderMetric metric)
    {
        _metric = metric;
        _forecast = null;
        await LoadAsync();
    }

    /// <summary>The same call as the overview's and the API's: the events' left-out days are left out here too.</summary>
    private async Task LoadAsync() =>
        _forecast = await Forecasts.ForecastAsync(OrderFilter.None, _metric, TimeGrain.Day, excluded: await Events.ExcludedDaysAsync(OrderFilter.None));

    private IEnumerable<GroupRow> Rows()
    {
        var table = _forecast?.Table ?? [];
        foreach (var method in new[] { ForecastMethod.HoltWinters, ForecastMethod.Combination, ForecastMethod.SeasonalNaive })
        {
            foreach (var (from, to) in Groups)
            {
                var rows = table.Where(r => r.Method == method && r.Horizon >= from && r.Horizon <= to).ToList();
                if (rows.Sum(r => r.Forecasts) is var n and > 0)
                {
                    double? Mean(Func<BacktestRow, double?> of) =>
                        rows.Where(r => of(r) is not null).ToList() is { Count: > 0 } known
                            ? known.Sum(r => of(r)!.Value * r.Forecasts) / known.Sum(r => r.Forecasts)
                            : null;
                    yield return new GroupRow(method, from == to ? $"{from}" : $"{from}–{to}", n, Mean(r => r.Mae)!.Value, Mean(r => r.Mase),
                        Mean(r => r.Smape)!.Value, Mean(r => r.Coverage80), Mean(r => r.Coverage95));
                }
            }
        }
    }

    private static string MethodName(string method) => method switch
    {
        "holt-winters" => "Holt-Winters",
        "combination" => "Mean of Holt-Winters and seasonal naive",
        _ => "Seasonal naive",
    };

    private static string Percent(double? fraction) => fraction is { } f ? Numbers.Number(100 * f, 1) + "%" : "–";

    private sealed record GroupRow(ForecastMethod Method, string Horizons, int Forecasts, double Mae, double? Mase, double Smape,
        double? Coverage80, double? Coverage95);
}
