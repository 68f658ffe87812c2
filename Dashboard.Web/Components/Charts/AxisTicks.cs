using Dashboard.Core.Display;
using Plotly.Blazor.LayoutLib;

namespace Dashboard.Web.Components.Charts;

/// <summary>
/// Value-axis ticks made on the server: round positions, and texts the display culture writes (₹2 Cr, ₹50 L, 1,50,000).
/// plotly.js formats its own ticks with d3, which knows one grouping size only: Indian grouping (3,2) cannot be said to
/// it through <c>separators</c>, so the texts are made here, where .NET's culture data already has it.
/// </summary>
public static class AxisTicks
{
    /// <summary>About <paramref name="count"/> round steps (1, 2, 2.5 or 5 × 10ⁿ) that cover the values and zero.</summary>
    public static IReadOnlyList<double> Nice(IEnumerable<double> values, int count = 5)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var low = Math.Min(0, finite.Count == 0 ? 0 : finite.Min());
        var high = Math.Max(0, finite.Count == 0 ? 0 : finite.Max());
        if (high - low <= 0)
        {
            return [0];
        }
        var raw = (high - low) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 2.5 => 2.5, <= 5 => 5, _ => 10 } * magnitude;
        var first = Math.Floor(low / step);
        var last = Math.Ceiling(high / step);
        return Enumerable.Range(0, (int)(last - first) + 1).Select(i => Math.Round((first + i) * step, 6)).ToList();
    }

    /// <summary>Money ticks, compact (₹2 Cr, ₹50 L, ₹20M), whole below the first unit (₹500); signed for changes.</summary>
    public static Func<double, string> Money(DisplayNumbers numbers, string? currency, bool signed = false) => v =>
    {
        var decimals = v % 1 == 0 ? 0 : 2;
        return signed ? numbers.CompactAmountChange((decimal)v, currency, decimals) : numbers.CompactAmount((decimal)v, currency, decimals);
    };

    /// <summary>Count ticks, compact past a lakh (or a million), with the culture's grouping below.</summary>
    public static Func<double, string> Count(DisplayNumbers numbers) => v => numbers.CompactNumber(v, v % 1 == 0 ? 0 : 1);

    /// <summary>Puts the ticks of <paramref name="values"/> on <paramref name="axis"/>, written by <paramref name="text"/>.</summary>
    public static YAxis Apply(YAxis axis, IEnumerable<double> values, Func<double, string> text)
    {
        var ticks = Nice(values);
        axis.TickMode = Plotly.Blazor.LayoutLib.YAxisLib.TickModeEnum.Array;
        axis.TickVals = ticks.Select(t => (object)t).ToList();
        axis.TickText = ticks.Select(t => (object)text(t)).ToList();
        axis.TickFormat = null;
        return axis;
    }
}
