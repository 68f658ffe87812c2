using System.Globalization;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Models.Store;
using Dashboard.Web.Components.Charts;

namespace Dashboard.Web.Components.Pages.Models;

/// <summary>Turns stored model reports into plotly figures (nothing is computed here, only drawn).</summary>
public static class ModelFigures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string N(double v) => v.ToString("R", Invariant);

    private static string Colour(ModelAlgorithm algorithm) => algorithm == ModelAlgorithm.Boosted ? ChartPalette.Primary : ChartPalette.Secondary;

    public static string Label(ModelVersionInfo model) =>
        $"{(model.Algorithm == ModelAlgorithm.Boosted ? "Boosted trees" : model.Kind == ModelKind.Cancellation ? "Logistic" : "Ridge")} v{model.Version}";

    /// <summary>Mean predicted probability against the observed cancellation rate per decile, for each model, over the diagonal.</summary>
    public static PlotlyFigure Calibration(IReadOnlyList<ModelVersionInfo> models)
    {
        var traces = new List<PlotlyTrace>();
        var max = 0.0;
        foreach (var model in models)
        {
            if (model.Report.Classification?.Calibration is not { Count: > 0 } bins)
                continue;
            max = Math.Max(max, bins.Max(b => Math.Max(b.MeanPredicted, b.ObservedRate)));
            traces.Add(new PlotlyTrace
            {
                Type = "scatter", Mode = "lines+markers", Name = Label(model),
                X = bins.Select(b => N(b.MeanPredicted)).ToList(), Y = bins.Select(b => (double?)b.ObservedRate).ToList(),
                Text = bins.Select(b => $"decile {b.Decile}, {b.Count:N0} lines").ToList(),
                HoverTemplate = "predicted %{x:.1%}<br>observed %{y:.1%}<br>%{text}<extra>" + Label(model) + "</extra>",
                Line = new PlotlyLine { Color = Colour(model.Algorithm), Width = 2 },
            });
        }
        var top = Math.Min(1, max * 1.05 + 0.01);
        traces.Insert(0, new PlotlyTrace
        {
            Type = "scatter", Mode = "lines", Name = "perfectly calibrated", X = ["0", N(top)], Y = [0, top],
            Line = new PlotlyLine { Color = ChartPalette.Tertiary, Dash = "dot", Width = 1 }, HoverTemplate = "<extra></extra>",
        });
        return new PlotlyFigure(traces, new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Title = new PlotlyTitle("Mean predicted risk (by decile)"), Type = "linear", TickFormat = ".0%" },
            YAxis = new PlotlyAxis { Title = new PlotlyTitle("Observed cancellation rate"), Type = "linear", TickFormat = ".0%" },
            ShowLegend = true,
            Legend = new PlotlyLegend(),
            HoverMode = "closest",
        });
    }

    /// <summary>Held-out residual (actual − predicted) against the prediction, for each model.</summary>
    public static PlotlyFigure Residuals(IReadOnlyList<ModelVersionInfo> models)
    {
        var traces = models.Where(m => m.Report.Residuals is { Count: > 0 }).Select(m => new PlotlyTrace
        {
            Type = "scatter", Mode = "markers", Name = Label(m),
            X = m.Report.Residuals!.Select(r => N(r.Predicted)).ToList(), Y = m.Report.Residuals!.Select(r => (double?)r.Residual).ToList(),
            HoverTemplate = "predicted %{x:,.0f}<br>actual − predicted %{y:,.0f}<extra>" + Label(m) + "</extra>",
            Marker = new PlotlyMarker { Color = Enumerable.Repeat(Colour(m.Algorithm), m.Report.Residuals!.Count).ToList() },
            Opacity = 0.45,
        }).ToList();
        return new PlotlyFigure(traces, new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Title = new PlotlyTitle("Predicted purchase"), Type = "linear" },
            YAxis = new PlotlyAxis { Title = new PlotlyTitle("Actual − predicted"), Type = "linear" },
            ShowLegend = true,
            Legend = new PlotlyLegend(),
            HoverMode = "closest",
            Shapes = [new PlotlyShape { XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = 0, Y1 = 0, Line = new PlotlyLine { Color = ChartPalette.Tertiary, Dash = "dot", Width = 1 } }],
        });
    }

    /// <summary>Share of each model's importance by input, side by side, inputs ordered by the first model's importance.</summary>
    public static PlotlyFigure Importance(IReadOnlyList<ModelVersionInfo> models)
    {
        var order = models.SelectMany(m => m.Report.Importance).GroupBy(i => i.Feature).OrderByDescending(g => g.Max(i => i.Importance))
            .Select(g => g.Key).ToList();
        var traces = models.Select(m =>
        {
            var total = m.Report.Importance.Sum(i => i.Importance);
            var byInput = m.Report.Importance.ToDictionary(i => i.Feature, i => total > 0 ? i.Importance / total : 0);
            return new PlotlyTrace
            {
                Type = "bar", Name = Label(m), X = order, Y = order.Select(f => (double?)byInput.GetValueOrDefault(f)).ToList(),
                HoverTemplate = "%{x}: %{y:.1%}<extra>" + Label(m) + "</extra>",
                Marker = new PlotlyMarker { Color = Enumerable.Repeat(Colour(m.Algorithm), order.Count).ToList() },
            };
        }).ToList();
        return new PlotlyFigure(traces, new PlotlyLayout
        {
            YAxis = new PlotlyAxis { Title = new PlotlyTitle("Share of importance"), TickFormat = ".0%", RangeMode = "tozero" },
            XAxis = new PlotlyAxis { Type = "category", TickAngle = -30 },
            BarMode = "group",
            ShowLegend = true,
            Legend = new PlotlyLegend { Y = -0.35 },
            Margin = new PlotlyMargin(B: 90),
        });
    }

    /// <summary>Contributions of each input to one prediction, largest first (log-odds for a risk, currency units for an amount).</summary>
    public static PlotlyFigure Contributions(IReadOnlyList<(string Input, double Value)> contributions, string unit, bool higherIsBad = true)
    {
        var ordered = contributions.OrderByDescending(c => Math.Abs(c.Value)).ToList();
        return new PlotlyFigure(
        [
            new PlotlyTrace
            {
                Type = "bar", Name = "contribution", X = ordered.Select(c => c.Input).ToList(), Y = ordered.Select(c => (double?)c.Value).ToList(),
                Marker = new PlotlyMarker { Color = ordered.Select(c => !higherIsBad ? (c.Value > 0 ? ChartPalette.Primary : ChartPalette.Secondary) : c.Value > 0 ? ChartPalette.Down : ChartPalette.Up).ToList() },
                HoverTemplate = "%{x}: %{y:+.3f} " + unit + "<extra></extra>",
            },
        ], new PlotlyLayout
        {
            XAxis = new PlotlyAxis { Type = "category", TickAngle = -30 },
            YAxis = new PlotlyAxis { Title = new PlotlyTitle(unit) },
            Margin = new PlotlyMargin(B: 80),
            ShowLegend = false,
        });
    }

    /// <summary>Blue for the stronger model, orange for the linear one; used by the tables too.</summary>
    public static string ColourOf(ModelAlgorithm algorithm) => Colour(algorithm);

    public static IReadOnlyList<(string Input, double Value)> Pairs(IEnumerable<Core.Models.Training.InputContribution> contributions) =>
        contributions.Select(c => (c.Input, c.Contribution)).ToList();

    public static IReadOnlyList<FeatureImportance> Top(IReadOnlyList<FeatureImportance> importance, int count) => importance.Take(count).ToList();
}
