using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Dashboard.Web.Components.Theme;
using Microsoft.JSInterop;
using Plotly.Blazor;
using Plotly.Blazor.Interop;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// The one chart card: a figure with a title, the chart's tools (CSV and PNG for analysts), a Plotly.Blazor chart, a sentence
/// that sums it up and its numbers as a table on request (<see cref="ChartData"/>). The chart is drawn once and then updated
/// with <c>React</c> when a new <see cref="ChartFigure"/> or the theme arrives, never redrawn with the page. Clicks on bars or
/// points, and Enter on a row of the table, come back as <see cref="ChartClick"/>. Until the reader turns to the page the card
/// shows its first frame (<see cref="ChartFirstFrame"/>) and the plotly chart is not rendered, so plotly.js is not loaded
/// (docs/decisions/0007-plotly-basic-bundle.md); the first frame stays over the chart until plotly has drawn it, and the
/// circuit's first render takes the prerendered first frame back instead of rebuilding it. On a phone
/// (<see cref="Layout.PhoneHint"/>) a card is only its heading, first frame and summary until the reader has turned to the
/// page and the card is near the screen.
/// </summary>
public sealed partial class ChartCard : ComponentBase, IAsyncDisposable
{
    private static readonly Config ChartConfig = new()
    {
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        DisplayLogo = false,
        Responsive = true,
    };

    private readonly string _id = "chart-" + Guid.NewGuid().ToString("N")[..8];
    private PlotlyChart? _chart;
    private bool _live;
    private bool _near;
    private ElementReference _frame;
    private MarkupString _firstFrame;
    private string _frameKey = "";
    private string? _adopted;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ChartCard>? _self;
    private ChartFigure? _drawn;
    private bool _drawnDark;
    private bool _plotted;
    private string _summary = "";
    private ChartTable? _table;
    private ChartFigure? _tabled;

    /// <summary>The heading. Required.</summary>
    [Parameter, EditorRequired]
    public required string Title { get; set; }

    /// <summary>A short, stable name: the chart's <c>data-chart</c> attribute and the PNG file name. Required.</summary>
    [Parameter, EditorRequired]
    public required string Name { get; set; }

    /// <summary>What to draw. Pass a new instance when the data changes. Required.</summary>
    [Parameter, EditorRequired]
    public required ChartFigure Figure { get; set; }

    /// <summary>The URL of the chart's numbers as CSV (an <c>/api/...csv</c> route). Default: no CSV link.</summary>
    [Parameter]
    public string? CsvHref { get; set; }

    /// <summary>
    /// The alerts page's form for a new rule on this chart's measure and the page's filters ("Alert me when…",
    /// <see cref="Pages.Alerts.AlertLinks"/>); only for charts whose measure is an alert metric. Default: none.
    /// </summary>
    [Parameter]
    public string? AlertHref { get; set; }

    /// <summary>A line under the heading (e.g. what a click does). Default: none.</summary>
    [Parameter]
    public string? Note { get; set; }

    /// <summary>Controls shown next to the CSV/PNG actions. Default: none.</summary>
    [Parameter]
    public RenderFragment? Tools { get; set; }

    /// <summary>The heading's element: <c>h2</c> under a page's <c>h1</c>, <c>h3</c> under a section's <c>h2</c>. Default: <c>h2</c>.</summary>
    [Parameter]
    public string HeadingTag { get; set; } = "h2";

    /// <summary>Raised when a bar or point is clicked. Default: no handler (and no click subscription).</summary>
    [Parameter]
    public EventCallback<ChartClick> OnPointClick { get; set; }

    /// <summary>
    /// The rows explorer's link for a data table's row (drill-through from the keyboard: what a click on its bar or point offers);
    /// null for a row without one. Default: none (no Rows column).
    /// </summary>
    [Parameter]
    public Func<ChartRow, string?>? RowsHref { get; set; }

    /// <summary>The page's theme, cascaded by the layout. Default: light.</summary>
    [CascadingParameter(Name = ThemeCascade.DarkMode)]
    public bool Dark { get; set; }

    /// <summary>Whether the request came from a phone (<see cref="Layout.PhoneHint"/>): then the card is rendered whole only
    /// once the reader has turned to the page and the card is near the screen. Default: false.</summary>
    [CascadingParameter(Name = Layout.PhoneHint.Cascade)]
    public bool Phone { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private PrerenderedPage Prerendered { get; set; } = default!;

    private string TitleId => _id + "-title";
    private string SummaryId => _id + "-summary";
    private string TableId => _id + "-table";

    private bool Adopting => _adopted == _frameKey;

    protected override void OnInitialized() => _near = !Phone;

    protected override void OnParametersSet()
    {
        ChartTheme.Apply(Figure, Dark);
        ChartSeries.Distinguish(Figure);
        if (!_plotted)
        {
            // Once plotly has drawn the chart the first frame is gone for good: no new picture is drawn for it.
            _firstFrame = ChartFirstFrame.Draw(Figure);
            _frameKey = Name + ":" + XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(_firstFrame.Value)).ToString("x16", CultureInfo.InvariantCulture);
        }
        // The circuit's first render takes back the first frame the server prerendered, as long as the picture is the same:
        // applying its SVG markup again was a third of that render's task on a phone's weekly review (decision 0007).
        _adopted ??= RendererInfo.IsInteractive && Prerendered.Current ? _frameKey : "";
        _summary = ChartData.Summary(Title, Figure);
        if (_table is not null && !ReferenceEquals(_tabled, Figure))
        {
            ShowTable();
        }
    }

    private void ToggleTable()
    {
        if (_table is null)
        {
            ShowTable();
        }
        else
        {
            _table = null;
        }
    }

    private void ShowTable()
    {
        _table = ChartData.Table(Figure, Figure.XName);
        _tabled = Figure;
    }

    /// <summary>A row's first cell does what a click on its bar does.</summary>
    private Task FilterByAsync(ChartRow row) => OnPointClick.InvokeAsync(new ChartClick(0, row.Index, row.Key));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await AttachAsync();
        }
        if (!_live || !_near)
        {
            return;
        }
        if (_drawn is null)
        {
            // The chart draws itself (newPlot) on its own first render.
            _drawn = Figure;
            _drawnDark = Dark;
            return;
        }
        if (_chart is not null && (!ReferenceEquals(_drawn, Figure) || _drawnDark != Dark))
        {
            _drawn = Figure;
            _drawnDark = Dark;
            await _chart.React();
        }
    }

    private async Task AttachAsync()
    {
        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Charts/ChartCard.razor.js");
            // One round trip: the module calls GoLive once the reader turns to the page, and ComeNear (on a phone) once the
            // card nears the screen too, and answers whether the card holds the first frame it took back.
            var tookBack = await _module.InvokeAsync<bool>("attach", _self, _frame, _near);
            if (Adopting && !tookBack)
            {
                // Not in the prerendered page after all (its data changed before the circuit started): drawn from markup.
                _adopted = "";
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone.
        }
    }

    /// <summary>Called by the page's module once the reader turns to the page: the plotly chart is rendered (and plotly.js loaded).</summary>
    [JSInvokable]
    public Task GoLive() => Raise(ref _live);

    /// <summary>Called by the page's module on a phone, once the reader has turned to the page and the card is near the screen:
    /// the card is rendered whole.</summary>
    [JSInvokable]
    public Task ComeNear() => Raise(ref _near);

    // Sets a one-way flag of the card's and renders it, the first time only.
    private Task Raise(ref bool flag)
    {
        if (flag)
        {
            return Task.CompletedTask;
        }
        flag = true;
        return InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("forget", _self);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone.
            }
        }
        _self?.Dispose();
    }

    // Runs after the chart's newPlot call, so that plotly has a plot to attach the click handler to.
    private void OnPlotted()
    {
        if (!_plotted)
        {
            _plotted = true;
            StateHasChanged();
        }
        if (OnPointClick.HasDelegate && _chart is not null)
        {
            _ = SubscribeClicksAsync(_chart);
        }
    }

    private static async Task SubscribeClicksAsync(PlotlyChart chart)
    {
        try
        {
            await chart.SubscribeClickEvent();
        }
        catch (JSDisconnectedException)
        {
            // The page is gone.
        }
        catch (TaskCanceledException)
        {
            // The page is gone.
        }
    }

    private void OnPlotlyClick(IEnumerable<EventDataPoint> points)
    {
        if (points.FirstOrDefault() is not { } point)
        {
            return;
        }
        var trace = AsInt(point.CurveNumber);
        var index = AsInt(point.PointIndex);
        if (trace < 0 || trace >= Figure.Data.Count || index < 0)
        {
            return;
        }
        var keys = Figure.Data[trace] switch
        {
            Plotly.Blazor.Traces.Bar bar => bar.CustomData,
            Plotly.Blazor.Traces.Scatter scatter => scatter.CustomData,
            _ => null,
        };
        var value = keys is not null && index < keys.Count ? keys[index]?.ToString() : null;
        _ = InvokeAsync(() => OnPointClick.InvokeAsync(new ChartClick(trace, index, value)));
    }

    private static int AsInt(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetInt32(out var i) => i,
        int i => i,
        long l => (int)l,
        double d => (int)d,
        _ => -1,
    };

    private async Task DownloadPngAsync()
    {
        if (_chart is not null && _plotted)
        {
            await _chart.DownloadImage(ImageFormat.Png, 560, 1000, Name);
        }
    }
}
