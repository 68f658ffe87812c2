using Dashboard.Core.Orders;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Orders;
using Plotly.Blazor.Traces;

namespace Dashboard.Tests.Components;

/// <summary>
/// Labels as plotly.js reads them (its <c>svg_text_utils</c>): <c>&amp;</c> and <c>&lt;</c> escaped so that no text turns
/// into markup or into another character, and nothing else, because plotly decodes only a few named entities (not
/// <c>&amp;quot;</c>).
/// </summary>
public sealed class ChartLabelTests
{
    /// <summary>What plotly.js 3.7 shows for a label: tags are markup, the text between them has these entities decoded.</summary>
    private static string AsPlotlyShows(string label)
    {
        Assert.DoesNotMatch("<[^<>]*>", label); // no part of a label may be read as a tag
        var named = new Dictionary<string, string> { ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["nbsp"] = "\u00A0", ["mu"] = "μ", ["times"] = "×", ["plusmn"] = "±", ["deg"] = "°" };
        return System.Text.RegularExpressions.Regex.Replace(label, "&(#\\d+|#x[\\da-fA-F]+|[a-z]+);", m =>
        {
            var inner = m.Groups[1].Value;
            return inner.StartsWith("#x", StringComparison.Ordinal) ? char.ConvertFromUtf32(Convert.ToInt32(inner[2..], 16))
                : inner.StartsWith('#') ? char.ConvertFromUtf32(int.Parse(inner[1..], System.Globalization.CultureInfo.InvariantCulture))
                : named.TryGetValue(inner, out var c) ? c : m.Value;
        });
    }

    [Theory]
    [InlineData("Kids' \"Best\" Set")]
    [InlineData("Tops & Tees")]
    [InlineData("a < b > c")]
    [InlineData("<b>x</b>")]
    [InlineData("<a href=\"https://evil.example\">y</a>")]
    [InlineData("लखनऊ")]
    [InlineData("&amp; &quot; &lt;b&gt; &#60;")]
    [InlineData("")]
    public void PlotlyShowsALabelAsWritten(string text)
    {
        var label = Plot.Label(text);

        Assert.Equal(text, AsPlotlyShows(label));
        Assert.DoesNotContain("&quot;", label.Replace("&amp;quot;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("&#", label.Replace("&amp;#", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTextOfAChartGoesThroughTheSameEscaping()
    {
        var names = new[] { "Kids' \"Best\" Set", "Tops & Tees", "<b>x</b>", "लखनऊ" };
        var figure = OverviewFigures.Categories(names.Select(n => new CategoryPoint(n, 1, 1, 10m, false)).ToList(), "\"INR\"");

        var bars = Assert.IsType<Bar>(Assert.Single(figure.Data));
        Assert.Equal(names, bars.X.Select(x => AsPlotlyShows((string)x)));
        Assert.Equal(names, bars.CustomData.Select(k => (string)k)); // what a click hands back stays the data's own value
        Assert.Equal("Revenue (\"INR\")", AsPlotlyShows(bars.Name));
        // The hover's lines (split at plotly's <br>): an unknown currency code is written as it is, before the amount.
        Assert.All(bars.TextArray, t => Assert.Equal("Revenue: \"INR\" 10.00", AsPlotlyShows(t.Split("<br>")[0])));
    }
}
