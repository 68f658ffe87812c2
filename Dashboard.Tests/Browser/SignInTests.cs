using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Signing in in Chromium: each role sees exactly the navigation it may use (decision 0008).</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserAppFixture app)
{
    private static readonly string[] ViewerNavigation = ["Orders overview", "Weekly review", "Customer purchases", "Events", "E-mail digest", "Alerts"];
    private static readonly string[] AnalystNavigation = [.. ViewerNavigation, "Models", "What-if", "Order lines", "Purchase transactions"];
    private static readonly string[] AdminNavigation = [.. AnalystNavigation, "Imports", "Users", "Digests and sends", "Alerts and firings"];

    private static async Task<string[]> Navigation(IPage page)
    {
        await page.Locator("[data-user]").WaitForAsync(new() { Timeout = 20000 });
        return [.. (await page.Locator(".mud-nav-link-text").AllInnerTextsAsync()).Select(t => t.Trim())];
    }

    private static async Task SignIn(IPage page, string user, string password)
    {
        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-action=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>The admin adds a user on the Users page and that user can then sign in.</summary>
    private async Task AddUserThroughThePage(string name, string role)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/users");
        await page.Locator("[data-interactive=true]").WaitForAsync(new() { Timeout = 20000 });
        await page.FillAsync("[data-field=new-name]", name);
        await page.FillAsync("[data-field=new-password]", "browser-password-1");
        await Ui.ChooseAsync(page, "[data-field=new-role]", role);
        await page.ClickAsync("[data-action=add-user]");
        await page.Locator($"[data-user-row=\"{name}\"]").WaitForAsync(new() { Timeout = 10000 });
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Analyst")]
    [InlineData("Admin")]
    public async Task EachRoleSeesExactlyTheNavigationItMayUse(string role)
    {
        var name = $"browser-{role.ToLowerInvariant()}";
        await AddUserThroughThePage(name, role);
        var page = await app.NewPageAsync(user: null);

        await SignIn(page, name, "browser-password-1");

        var expected = role switch { "Viewer" => ViewerNavigation, "Analyst" => AnalystNavigation, _ => AdminNavigation };
        Assert.Equal(expected, await Navigation(page));
        Assert.Equal(name, await page.Locator("[data-user]").GetAttributeAsync("data-user"));
        // Exports are for analysts: a viewer's charts offer neither CSV nor PNG.
        await Ui.TurnToAsync(page);
        await page.Locator("[data-chart].js-plotly-plot").First.WaitForAsync(new() { Timeout = 20000 });
        Assert.Equal(role == "Viewer" ? 0 : 4, await page.Locator("[data-action=csv]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AViewerWhoTypesTheAddressOfAnAdminPageIsToldNo()
    {
        await AddUserThroughThePage("browser-nosy", "Viewer");
        var page = await app.NewPageAsync(user: null);
        await SignIn(page, "browser-nosy", "browser-password-1");

        await page.GotoAsync("/imports");

        Assert.Contains("/account/denied", page.Url);
        Assert.Contains("does not include this page", await page.Locator("[data-denied]").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutLeadsBackToTheSignInPage()
    {
        // A user of its own: signing out ends every session of that user (its security stamp changes), and the other
        // tests share the admin's cookie.
        await AddUserThroughThePage("browser-leaver", "Viewer");
        var page = await app.NewPageAsync(user: null);
        await SignIn(page, "browser-leaver", "browser-password-1");
        await page.Locator("[data-user]").WaitForAsync(new() { Timeout = 20000 });

        await page.ClickAsync("[data-action=sign-out]");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/weekly");

        Assert.Contains("/account/login", page.Url);
        await page.Context.CloseAsync();
    }
}
