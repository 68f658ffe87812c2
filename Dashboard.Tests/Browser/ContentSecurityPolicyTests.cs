namespace Dashboard.Tests.Browser;

/// <summary>The content security policy stays strict (scripts from the app only, no inline script, no eval) and no page
/// of the app breaks it, in either theme: Chromium reports every refusal as a <c>securitypolicyviolation</c> event.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserAppFixture app)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task NoPageBreaksTheContentSecurityPolicy(string theme)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "dashboard-theme", Value = theme, Url = app.BaseUrl }]);
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                violations.Add(m.Text);
        };

        foreach (var path in new[] { "/", "/weekly", "/purchases", "/imports", "/models", "/what-if", "/users", "/account/password" })
        {
            await page.GotoAsync(path, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
            await page.Locator("h1").First.WaitForAsync();
            Assert.Equal((path, theme == "dark" ? "dark" : "light"), (path, await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.body).backgroundColor === 'rgb(18, 22, 28)' ? 'dark' : 'light'")));
        }
        Assert.Empty(violations);

        // An inline script is refused and reported: the check above can fail.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => true");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.Contains(violations, v => v.StartsWith("CSP violation: script-src", StringComparison.Ordinal));
    }
}
