namespace Dashboard.Web.Components.Charts;

/// <summary>The few colours the charts use, so that every chart reads the same way.</summary>
public static class ChartPalette
{
    // Every colour a bar or line is drawn in reaches 3:1 against the chart's surface in its theme (WCAG 1.4.11): the light ones
    // against white, their dark counterparts against the dark surface (ChartTheme swaps them).
    public const string Primary = "#1976d2";
    public const string Selected = "#0d3c80";
    public const string Muted = "#5b8fd4";
    public const string Partial = "#5a8bcf";
    public const string Secondary = "#ef6c00";
    public const string Tertiary = "#7b8794";
    public const string Up = "#2e7d32";
    public const string Down = "#c62828";

    // On the dark theme's surface the light theme's dark "selected" would sink and the pale "muted" would stand out:
    // their dark-theme counterparts keep a selected bar the brightest (ChartTheme swaps them).
    public const string SelectedDark = "#bbdefb";
    public const string MutedDark = "#5b7fad";
    public const string PartialDark = "#557aa6";
    public const string UpDark = "#66bb6a";
    public const string DownDark = "#ef5350";

    /// <summary>Bar colours: selected bars dark, the others muted when anything is selected, all primary otherwise.</summary>
    public static IReadOnlyList<string> Selection(IReadOnlyList<bool> selected)
    {
        var any = selected.Any(s => s);
        return selected.Select(s => s ? Selected : any ? Muted : Primary).ToList();
    }
}
