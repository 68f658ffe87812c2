using System.Globalization;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Models.Store;
using Dashboard.Web.Components.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace Dashboard.Web.Components.Pages.Models;

/// <summary>Turns stored model reports into plotly figures (nothing is computed here, only drawn).</summary>
public static class ModelFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Colour(ModelAlgorithm algorithm) => algorithm == ModelAlgorithm.Boosted ? ChartPalette.Primary : ChartPalette.Secondary;

    public static string Label(ModelVersionInfo model) =>
        $"{(model.Algorithm == ModelAlgorithm.Boosted ? "Boosted trees" : model.Kind == ModelKind.Cancellation ? "Logistic" : "Ridge")} v{model.Version}";

    /// <summary>Mean predicted probability against the observed cancellation rate per decile, for each model, over the diagonal.</summary>
    public static ChartFigure Calibration(IReadOnlyList<ModelVersionInfo> models)
    {
        var traces = new List<ITrace>();
        var max = 0.0;
        foreach (var model in models)
        {
            if (model.Report.Classification?.Calibration is not { Count: > 0 } bins)
                continue;
            max = Math.Max(max, bins.Max(b => Math.Max(b.MeanPredicted, b.ObservedRate)));
            var line = Plot.Line(Label(model), Plot.Values(bins.Select(b => b.MeanPredicted)), Plot.Values(bins.Select(b => b.ObservedRate)),
                Colour(model.Algorithm), markers: true);
            line.TextArray = bins.Select(b => string.Create(CultureInfo.CurrentCulture, $"decile {b.Decile}, {b.Count:N0} lines")).ToList();
            line.HoverTemplate = "predicted %{x:.1%}<br>observed %{y:.1%}<br>%{text}<extra>" + Label(model) + "</extra>";
            traces.Add(line);
        }
        var top = Math.Min(1, max * 1.05 + 0.01);
        var diagonal = Plot.Line("perfectly calibrated", Plot.Values([0.0, top]), Plot.Values([0.0, top]), ChartPalette.Tertiary, dash: "dot", width: 1);
        diagonal.HoverTemplate = "<extra></extra>";
        traces.Insert(0, diagonal);
        return new ChartFigure(traces, Plot.Layout(Plot.LinearAxis("Mean predicted risk (by decile)", ".0%"),
            Plot.ValueAxis("Observed cancellation rate", ".0%", fromZero: false), legend: true));
    }

    /// <summary>Held-out residual (actual − predicted) against the prediction, for each model.</summary>
    public static ChartFigure Residuals(IReadOnlyList<ModelVersionInfo> models)
    {
        var traces = models.Where(m => m.Report.Residuals is { Count: > 0 }).Select(m =>
        {
            var points = Plot.Points(Label(m), Plot.Values(m.Report.Residuals!.Select(r => r.Predicted)), Plot.Values(m.Report.Residuals!.Select(r => r.Residual)),
                Colour(m.Algorithm), opacity: 0.45m);
            points.HoverTemplate = "predicted %{x:,.0f}<br>actual − predicted %{y:,.0f}<extra>" + Label(m) + "</extra>";
            return (ITrace)points;
        }).ToList();
        var layout = Plot.Layout(Plot.LinearAxis("Predicted purchase"), Plot.ValueAxis("Actual − predicted", fromZero: false), legend: true);
        layout.Shapes =
        [
            new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = 0, Y1 = 0,
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = ChartPalette.Tertiary, Dash = "dot", Width = 1 },
            },
        ];
        return new ChartFigure(traces, layout);
    }

    /// <summary>Share of each model's importance by input, side by side, inputs ordered by the first model's importance.</summary>
    public static ChartFigure Importance(IReadOnlyList<ModelVersionInfo> models)
    {
        var order = models.SelectMany(m => m.Report.Importance).GroupBy(i => i.Feature).OrderByDescending(g => g.Max(i => i.Importance))
            .Select(g => g.Key).ToList();
        var traces = models.Select(m =>
        {
            var total = m.Report.Importance.Sum(i => i.Importance);
            var byInput = m.Report.Importance.ToDictionary(i => i.Feature, i => total > 0 ? i.Importance / total : 0);
            var bars = Plot.Bar(Label(m), Plot.Labels(order), Plot.Values(order.Select(f => byInput.GetValueOrDefault(f))), Colour(m.Algorithm));
            bars.HoverTemplate = "%{x}: %{y:.1%}<extra>" + Label(m) + "</extra>";
            return (ITrace)bars;
        }).ToList();
        var layout = Plot.Layout(Plot.CategoryAxis(tickAngle: -30), Plot.ValueAxis("Share of importance", ".0%"), legend: true, bottom: 90);
        layout.BarMode = BarModeEnum.Group;
        layout.Legend[0].Y = -0.35m;
        return new ChartFigure(traces, layout);
    }

    /// <summary>Contributions of each input to one prediction, largest first (log-odds for a risk, currency units for an amount).</summary>
    public static ChartFigure Contributions(IReadOnlyList<(string Input, double Value)> contributions, string unit, bool higherIsBad = true)
    {
        var ordered = contributions.OrderByDescending(c => Math.Abs(c.Value)).ToList();
        var bars = Plot.Bar("contribution", Plot.Labels(ordered.Select(c => c.Input)), Plot.Values(ordered.Select(c => c.Value)),
            Plot.Colours(ordered.Select(c => !higherIsBad ? (c.Value > 0 ? ChartPalette.Primary : ChartPalette.Secondary) : c.Value > 0 ? ChartPalette.Down : ChartPalette.Up)));
        bars.HoverTemplate = "%{x}: %{y:+.3f} " + unit + "<extra></extra>";
        return new ChartFigure([bars], Plot.Layout(Plot.CategoryAxis(tickAngle: -30), Plot.ValueAxis(unit, fromZero: false), bottom: 80));
    }

    /// <summary>Blue for the stronger model, orange for the linear one; used by the tables too.</summary>
    public static string ColourOf(ModelAlgorithm algorithm) => Colour(algorithm);

    public static IReadOnlyList<(string Input, double Value)> Pairs(IEnumerable<Core.Models.Training.InputContribution> contributions) =>
        contributions.Select(c => (c.Input, c.Contribution)).ToList();

    public static IReadOnlyList<FeatureImportance> Top(IReadOnlyList<FeatureImportance> importance, int count) => importance.Take(count).ToList();
}
