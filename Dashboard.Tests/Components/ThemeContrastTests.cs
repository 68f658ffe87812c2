using Dashboard.Web.Components.Theme;
using MudBlazor;
using MudBlazor.Utilities;

namespace Dashboard.Tests.Components;

/// <summary>The theme's colours reach WCAG 2.2 AA's 4.5:1 wherever text meets them, in both palettes.</summary>
public sealed class ThemeContrastTests
{
    private static string Hex(MudColor colour) => $"#{colour.R:x2}{colour.G:x2}{colour.B:x2}";

    private static IEnumerable<(string Name, MudColor Colour, MudColor Text)> Filled(Palette p) =>
    [
        ("primary", p.Primary, p.PrimaryContrastText), ("secondary", p.Secondary, p.SecondaryContrastText), ("info", p.Info, p.InfoContrastText),
        ("success", p.Success, p.SuccessContrastText), ("warning", p.Warning, p.WarningContrastText), ("error", p.Error, p.ErrorContrastText),
    ];

    public static TheoryData<bool> Themes => new() { false, true };

    [Theory]
    [MemberData(nameof(Themes))]
    public void TextOnAFilledColourAndAColourAsTextReachFourAndAHalfToOne(bool dark)
    {
        Palette palette = dark ? DashboardTheme.Theme.PaletteDark : DashboardTheme.Theme.PaletteLight;
        var grounds = new[] { Hex(palette.Background), Hex(palette.Surface) };
        var failures = new List<string>();
        foreach (var (name, colour, text) in Filled(palette))
        {
            // A filled button or chip: its text on it. An outlined or text button, a link, a figure: the colour on the page.
            Check(failures, $"{name} text", Hex(text), Hex(colour));
            foreach (var ground in grounds)
            {
                Check(failures, name, Hex(colour), ground);
            }
        }
        foreach (var ground in grounds)
        {
            Check(failures, "secondary text", Hex(palette.TextSecondary), ground);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void Check(List<string> failures, string what, string a, string b)
    {
        var ratio = Contrast.Ratio(a, b);
        if (ratio < 4.5)
        {
            failures.Add($"{what}: {a} on {b} is {ratio:0.00}:1");
        }
    }
}
