using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// The one chart component: a <c>div</c> drawn by plotly.js through the collocated module <c>PlotlyChart.razor.js</c>
/// (imported once, on the first interactive render). The figure is re-sent only when its JSON changes; the chart
/// resizes with its container, shows hover values, reports clicks through <see cref="OnPointClick"/> and can be
/// saved as PNG with <see cref="DownloadPngAsync"/>.
/// </summary>
public sealed partial class PlotlyChart : ComponentBase, IAsyncDisposable
{
    /// <summary>plotly.js as copied from npm by the build (fingerprinted by static assets, so cached for good).</summary>
    public const string PlotlyPath = "lib/plotly/plotly.min.js";
    private const string ModulePath = "Components/Charts/PlotlyChart.razor.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PlotlyChart>? _self;
    private string? _drawnJson;
    private string? _latestJson;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>What to draw. Required.</summary>
    [Parameter, EditorRequired]
    public required PlotlyFigure Figure { get; set; }

    /// <summary>A name for tests and the PNG file (<c>data-chart</c> attribute). Default: <c>chart</c>.</summary>
    [Parameter]
    public string Name { get; set; } = "chart";

    /// <summary>The accessible description of the chart. Default: none.</summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    /// <summary>Extra CSS classes for the div. Default: none.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Raised when the user clicks a point or bar. Default: no handler.</summary>
    [Parameter]
    public EventCallback<PlotlyPointClick> OnPointClick { get; set; }

    private string ChartId { get; } = "plotly-" + Guid.NewGuid().ToString("N")[..8];

    private string CssClass => string.IsNullOrEmpty(Class) ? "plotly-chart" : "plotly-chart " + Class;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _latestJson = PlotlyJson.Serialize(Figure);
        if (firstRender)
        {
            _drawnJson = _latestJson;
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets[ModulePath]);
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("init", _element, _self, _drawnJson, Assets[PlotlyPath]);
        }
        // Also after init: a render while the module was loading may have brought a newer figure.
        if (_module is not null && _latestJson != _drawnJson)
        {
            _drawnJson = _latestJson; // before the await: a render that overtakes this one must not send it again
            await _module.InvokeVoidAsync("update", _element, _drawnJson);
        }
    }

    /// <summary>Saves the chart as a PNG file in the browser (plotly's <c>downloadImage</c>).</summary>
    public async Task DownloadPngAsync(string fileName)
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("downloadPng", _element, fileName);
        }
    }

    [JSInvokable]
    public Task OnPlotlyClick(PlotlyPointClick click) =>
        OnPointClick.HasDelegate ? OnPointClick.InvokeAsync(click) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser has dropped the chart with the page.
            }
        }
        _self?.Dispose();
    }
}
