namespace Dashboard.Web.Components.Charts;

/// <summary>The few colours the charts use, so that every chart reads the same way.</summary>
public static class ChartPalette
{
    public const string Primary = "#1976d2";
    public const string Selected = "#0d3c80";
    public const string Muted = "#9ec5ee";
    public const string Partial = "#c5dcf3";
    public const string Secondary = "#ef6c00";
    public const string Tertiary = "#7b8794";
    public const string Up = "#2e7d32";
    public const string Down = "#c62828";

    /// <summary>Bar colours: selected bars dark, the others muted when anything is selected, all primary otherwise.</summary>
    public static IReadOnlyList<string> Selection(IReadOnlyList<bool> selected)
    {
        var any = selected.Any(s => s);
        return selected.Select(s => s ? Selected : any ? Muted : Primary).ToList();
    }
}
