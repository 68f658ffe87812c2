// The JS half of PlotlyChart.razor: init / update / downloadPng / dispose. plotly.js is loaded lazily, once, from
// wwwroot/lib (copied from npm by the build); this module defines no globals of its own.
const charts = new WeakMap();
let plotlyLoading;

// No `responsive: true`: the ResizeObserver below follows the container (and so the window) on its own.
const config = {
  displaylogo: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};

// url: the fingerprinted address of wwwroot/lib/plotly/plotly.min.js (from .NET's Assets), relative to the base URI.
function plotly(url) {
  // plotly.min.js is a UMD bundle: imported as a module it registers itself as globalThis.Plotly.
  plotlyLoading ??= import(new URL(url ?? 'lib/plotly/plotly.min.js', document.baseURI).href).then(() => globalThis.Plotly);
  return plotlyLoading;
}

function drawn(element) {
  element.dataset.revision = String(Number(element.dataset.revision ?? 0) + 1);
}

export async function init(element, dotNetRef, figureJson, plotlyUrl) {
  const Plotly = await plotly(plotlyUrl);
  const figure = JSON.parse(figureJson);
  await Plotly.newPlot(element, figure.data, figure.layout, config);
  element.on('plotly_click', event => {
    const point = event.points && event.points[0];
    if (!point) {
      return;
    }
    dotNetRef.invokeMethodAsync('OnPlotlyClick', {
      curveNumber: point.curveNumber,
      pointIndex: point.pointIndex ?? point.pointNumber ?? 0,
      x: point.x == null ? null : String(point.x),
      customData: point.customdata == null ? null : String(point.customdata),
    });
  });
  let pending = 0;
  let size = `${element.clientWidth}x${element.clientHeight}`;
  const observer = new ResizeObserver(() => {
    // The observer also reports the size it starts with: redraw only when the size really changed.
    const now = `${element.clientWidth}x${element.clientHeight}`;
    if (now === size) {
      return;
    }
    size = now;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (element.isConnected) {
        Plotly.Plots.resize(element);
      }
    });
  });
  observer.observe(element);
  charts.set(element, { observer });
  drawn(element);
}

export async function update(element, figureJson) {
  const Plotly = await plotly();
  const figure = JSON.parse(figureJson);
  await Plotly.react(element, figure.data, figure.layout, config);
  drawn(element);
}

export async function downloadPng(element, fileName) {
  const Plotly = await plotly();
  await Plotly.downloadImage(element, {
    format: 'png',
    filename: fileName,
    width: Math.max(element.clientWidth, 600),
    height: Math.max(element.clientHeight, 350),
  });
}

export function dispose(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.observer.disconnect();
    charts.delete(element);
  }
  if (globalThis.Plotly) {
    globalThis.Plotly.purge(element);
  }
}
