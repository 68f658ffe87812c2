namespace Dashboard.Web.Components.Theme;

/// <summary>Names of the theme values cascaded to layouts and pages.</summary>
public static class ThemeCascade
{
    /// <summary>A <see cref="bool"/>, from Routes: the theme the request asked for (its cookie).</summary>
    public const string InitialDarkMode = "InitialDarkMode";

    /// <summary>A <see cref="bool"/>, from the layout: true while the dark theme is on (it changes with the switch).</summary>
    public const string DarkMode = "DarkMode";
}
