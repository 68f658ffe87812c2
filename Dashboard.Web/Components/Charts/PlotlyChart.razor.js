// The JS half of PlotlyChart.razor: init / update / downloadPng / dispose. plotly.js (copied from npm into
// wwwroot/lib by the build) is loaded once, by a script tag; this module defines no globals of its own.
const charts = new WeakMap();
let plotlyLoading;

// No `responsive: true`: the ResizeObserver below follows the container (and so the window) on its own.
const config = {
  displaylogo: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d'],
};

// plotly.js is a classic <script async> in the document's head (App.razor), so that it evaluates while Blazor starts.
// url: its fingerprinted address (from .NET's Assets), for a page without that tag.
function plotly(url) {
  plotlyLoading ??= new Promise((resolve, reject) => {
    if (globalThis.Plotly) {
      resolve(globalThis.Plotly);
      return;
    }
    let script = document.getElementById('plotly-script');
    if (!script) {
      script = document.createElement('script');
      script.id = 'plotly-script';
      script.src = new URL(url ?? 'lib/plotly/plotly.min.js', document.baseURI).href;
      document.head.appendChild(script);
    }
    script.addEventListener('load', () => resolve(globalThis.Plotly));
    script.addEventListener('error', () => reject(new Error(`plotly.js could not be loaded from ${script.src}`)));
  });
  return plotlyLoading;
}

// Radzen's stylesheet has :has() rules whose argument holds a pseudo-class (focus rings of components this app does not
// use, hover states of Radzen's own charts, markdown lists). With them, Chromium restyles the whole page on every DOM
// change, and plotly measures each label by putting it into the DOM: 10-17 ms a label instead of 0.3 ms, about 1.3 s
// before the overview's four charts appear. They are dropped once, before the first chart; the layout's own :has()
// rules stay, and app.css gives the data grid its keyboard focus ring back.
const slowHas = /:has\((?:[^()]|\([^()]*\))*:[a-z-]/;
let slowHasDropped = false;

function dropSlowHasRules() {
  if (slowHasDropped) {
    return;
  }
  slowHasDropped = true;
  for (const sheet of document.styleSheets) {
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from another origin cannot be read
    }
    for (let i = rules.length - 1; i >= 0; i--) {
      const selector = rules[i].selectorText;
      if (selector && slowHas.test(selector) && !selector.includes('.rz-layout')) {
        sheet.deleteRule(i);
      }
    }
  }
}

function drawn(element) {
  element.dataset.revision = String(Number(element.dataset.revision ?? 0) + 1);
}

export async function init(element, dotNetRef, figureJson, plotlyUrl) {
  const Plotly = await plotly(plotlyUrl);
  dropSlowHasRules();
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
