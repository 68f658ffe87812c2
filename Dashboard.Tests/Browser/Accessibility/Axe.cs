using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Accessibility;

/// <summary>axe-core over a page as it is now, with the WCAG 2.0, 2.1 and 2.2 A and AA rules; violations as readable lines.</summary>
public static class Axe
{
    /// <summary>The time spent in axe's own runs so far (the test reports it beside the time of the whole).</summary>
    public static TimeSpan Spent { get; private set; }

    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>One line per violated rule: where (<paramref name="label"/>), the rule, and the elements with what is wrong.</summary>
    /// <remarks>Inside a chart, plotly's drawing is left out: it is one image to assistive technology (its container has the role
    /// <c>img</c> and a name), which axe judges, and its thousands of SVG nodes would only slow every run. What the drawing must
    /// meet is tested on the figures (contrast of every bar colour, series told apart by more than colour).</remarks>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string label)
    {
        var context = new AxeRunContext { Exclude = [new AxeSelector(".plotly-chart .svg-container")] };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // axe.run in the page itself (the "legacy" entry point): the default one finishes every run in a new page of its own,
        // which on a loaded machine costs more than the check. Only violations are reported back in full.
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] }, ResultTypes = [ResultType.Violations] };
#pragma warning disable CS0618 // obsolete: "legacy mode is being removed in the future"; 4.14.0 is pinned, and it is the one that is quick here
        var result = await page.RunAxeLegacy(context, options);
#pragma warning restore CS0618
        Spent += clock.Elapsed;
        return result.Violations.Select(v => $"{label}: {v.Id} ({v.Help}): " + string.Join(" | ",
            v.Nodes.Take(5).Select(n => $"{n.Target} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))).ToList();
    }
}
