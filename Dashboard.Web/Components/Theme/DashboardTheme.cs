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

    // Text on the dark theme's bright filled colours.
    private const string OnBright = "#0b1520";

    public static MudTheme Theme { get; } = new()
    {
        // Every colour text is written in, or on, reaches 4.5:1 (WCAG 2.2 AA) on the surfaces it meets: white text on the light
        // theme's filled colours, dark text on the dark theme's (docs/decisions/0027-accessibility.md).
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#c43e00",
            Info = "#026aa7",
            Success = "#2e7d32",
            Warning = "#b35000",
            Error = "#c62828",
            TextSecondary = "#555f6d",
            AppbarBackground = "#1565c0",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            PrimaryContrastText = OnBright,
            Secondary = "#ffb74d",
            SecondaryContrastText = OnBright,
            Info = "#4fc3f7",
            InfoContrastText = OnBright,
            Success = "#66bb6a",
            SuccessContrastText = OnBright,
            Warning = "#ffb74d",
            WarningContrastText = OnBright,
            Error = "#ff8a80",
            ErrorContrastText = OnBright,
            TextSecondary = "#b4bcc8",
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
