using System.Globalization;
using Dashboard.Core.Display;
using Microsoft.AspNetCore.Localization;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Sets each request's culture, and with it each circuit's (a circuit keeps the culture of the request that opened it):
/// the reader's choice from the menu, kept in ASP.NET's culture cookie, or else the default display culture
/// (<see cref="DisplayCulture"/>). Only what people read follows it; files and the API write invariant numbers.
/// </summary>
public static class DisplayCultureSetup
{
    /// <summary><c>GET /culture?name=en-US&amp;back=/weekly</c> keeps a choice (an empty name goes back to the default) and returns.</summary>
    public const string Path = "/culture";

    public static WebApplication UseDisplayCulture(this WebApplication app)
    {
        var display = app.Services.GetRequiredService<DisplayCulture>();
        var supported = display.Choices.ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(display.Server),
            SupportedCultures = supported,
            SupportedUICultures = supported,
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        // No Accept-Language and no query string: the reader's own choice, then the data's default.
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(async http =>
                await display.DefaultAsync() is { Name.Length: > 0 } culture ? new ProviderCultureResult(culture.Name) : null),
        ];
        app.UseRequestLocalization(options);
        return app;
    }

    public static IEndpointRouteBuilder MapDisplayCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, DisplayCulture display, string? name, string? back) =>
        {
            var target = back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal)
                && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/";
            if (string.IsNullOrEmpty(name))
            {
                http.Response.Cookies.Delete(CookieRequestCultureProvider.DefaultCookieName);
                return Results.LocalRedirect(target);
            }
            if (display.Choices.FirstOrDefault(c => c.Name == name) is not { } culture)
            {
                return Results.BadRequest($"{name} is not one of the display cultures offered: {string.Join(", ", display.Choices.Select(c => c.Name))}.");
            }
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(target);
        });
        return app;
    }

    /// <summary>The link that keeps <paramref name="culture"/> (null: back to the default) and returns to <paramref name="back"/>.</summary>
    public static string Link(CultureInfo? culture, string back) =>
        $"{Path.TrimStart('/')}?name={Uri.EscapeDataString(culture?.Name ?? "")}&back={Uri.EscapeDataString(back)}";
}
