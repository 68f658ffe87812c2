using MudBlazor;

namespace Dashboard.Web.Components.Theme;

/// <summary>
/// The one MudBlazor theme, light and dark, and the cookie that keeps each user's choice. The cookie is read on the
/// server when a page is first rendered, so a dark page never flashes light.
/// </summary>
public static class DashboardTheme
{
    /// <summary>The cookie holding <c>dark</c> or <c>light</c>; written by the theme switch (MainLayout.razor.js).</summary>
    public const string Cookie = "dashboard-theme";

    // Google Fonts are unreachable from where this runs: the system stack, with Roboto first where it is installed.
    private static readonly string[] Fonts = ["Roboto", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1976d2",
            Secondary = "#ef6c00",
            AppbarBackground = "#1565c0",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#ffb74d",
            AppbarBackground = "#1b2330",
            Background = "#12161c",
            Surface = "#1b2129",
            DrawerBackground = "#171c23",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
        },
    };

    /// <summary>True when the request carries the dark choice.</summary>
    public static bool IsDark(HttpContext? context) =>
        context?.Request.Cookies[Cookie] is "dark";
}
