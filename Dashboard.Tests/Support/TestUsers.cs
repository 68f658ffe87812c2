using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dashboard.Core.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// Signing in, for every test that talks to the app over HTTP or in a browser (decision 0008): the tests sign in as a real user
/// through the real sign-in form, so that each keeps testing what it did before sign-in existed.
/// </summary>
/// <remarks>
/// The first admin comes from the settings, as an operator would give it: the module initializer puts
/// <c>Auth__Admin__UserName</c>/<c>Auth__Admin__Password</c> into this process's environment, which every
/// WebApplicationFactory reads and every app process a test starts inherits.
/// </remarks>
public static partial class TestUsers
{
    public const string Admin = "admin";
    public const string Password = "test-password-1";

    [ModuleInitializer]
    internal static void ConfigureFirstAdmin()
    {
        Environment.SetEnvironmentVariable("Auth__Admin__UserName", Admin);
        Environment.SetEnvironmentVariable("Auth__Admin__Password", Password);
        // Tests sign in many times from one address; the limit itself is tested with its own setting.
        Environment.SetEnvironmentVariable("Auth__SignInAttemptsPerMinute", "100000");
    }

    /// <summary>
    /// A client of the in-memory app, signed in (as the admin unless told otherwise), sending the API's antiforgery
    /// header as a script would (see <see cref="ApiTokenAsync"/>) unless <paramref name="withApiToken"/> is false.
    /// Redirects are not followed.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, string user = Admin, string password = Password,
        bool withApiToken = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, user, password);
        if (withApiToken)
        {
            client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await ApiTokenAsync(client));
        }
        return client;
    }

    /// <summary>The token the API wants in X-CSRF-TOKEN for anything but GET, as documented: <c>GET /api/antiforgery</c>.</summary>
    public static async Task<string> ApiTokenAsync(HttpClient client)
    {
        var answer = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/antiforgery");
        return answer.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// Posts the sign-in form as a browser would (with its antiforgery token). <paramref name="client"/> keeps cookies
    /// and has the app as its base address. Returns the response; throws unless it signed in.
    /// </summary>
    public static async Task SignInAsync(HttpClient client, string user = Admin, string password = Password)
    {
        using var response = await PostSignInAsync(client, user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {user} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The sign-in form posted, whatever the answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string user, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (the cookie half stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path}: {html[..Math.Min(html.Length, 500)]}");
    }

    /// <summary>Adds a user straight through the app's own service (as the Users page does).</summary>
    public static Task<UserAccount> AddUserAsync(this IServiceProvider services, string name, Role role, string password = Password) =>
        services.GetRequiredService<UserService>().CreateAsync(name, password, role, actor: Admin);

    /// <summary>Signs a browser context in through the sign-in page; returns its storage state for new contexts.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, string baseUrl, string user = Admin, string password = Password)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-action=sign-in]");
        // The cookie comes with the sign-in's redirect: wait for that navigation to commit, not for the next page's load
        // (on a loaded machine its scripts can take longer than the sign-in itself).
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return await context.StorageStateAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
