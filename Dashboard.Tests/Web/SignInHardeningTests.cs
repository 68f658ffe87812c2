using System.Net;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web;

/// <summary>Decision 0015: sign-in attempts are rate-limited per address, and a return URL never makes a 500.</summary>
public sealed class SignInHardeningTests(SignInHardeningTests.Factory factory) : IClassFixture<SignInHardeningTests.Factory>
{
    public sealed class Factory : WebApplicationFactory<Program>
    {
        public TempDatabase Database { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dashboard", Database.ConnectionString);
            builder.UseSetting("Auth:SignInAttemptsPerMinute", "5");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Database.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("/orders?category=Kurt%C3%A4", "/orders?category=Kurt%C3%A4")]
    [InlineData("/orders?category=Kurtä", "/orders?category=Kurt%C3%A4")]
    [InlineData("/weekly?week=2022-06-20&note=€😀", "/weekly?week=2022-06-20&note=%E2%82%AC%F0%9F%98%80")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/ok\r\nSet-Cookie: x=1", "/")]
    public void AReturnUrlStaysOnTheSiteAndIsAlwaysASCII(string returnUrl, string expected)
    {
        Assert.Equal(expected, Dashboard.Web.Auth.AuthSetup.LocalUrl(returnUrl));
    }

    [Fact]
    public void AnOverlongReturnUrlGoesHome()
    {
        Assert.Equal("/", Dashboard.Web.Auth.AuthSetup.LocalUrl("/" + new string('a', 5000)));
        Assert.Equal("/", Dashboard.Web.Auth.AuthSetup.LocalUrl("/" + new string('ä', 1500))); // short, but not once encoded
    }

    [Fact]
    public async Task SignInAttemptsBeyondTheLimitFromOneAddressAre429AndNotAudited()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        var auditedBefore = factory.Database.Scalar("SELECT COUNT(*) FROM audit_log WHERE user_name LIKE 'flood-%'");

        for (var i = 0; i < 12; i++)
        {
            using var response = await TestUsers.PostSignInAsync(client, $"flood-{i}-" + new string('x', 10_000), "wrong-password");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        var audited = factory.Database.Scalar("SELECT COUNT(*) FROM audit_log WHERE user_name LIKE 'flood-%'") - auditedBefore;
        Assert.True(audited <= 5, $"{audited} attempts reached the audit log");
        Assert.True(factory.Database.Scalar("SELECT MAX(LENGTH(user_name)) FROM audit_log") <= Dashboard.Core.Data.TextLimits.UserName);
    }
}

/// <summary>Decision 0015: a return URL outside ASCII after the right password (in a factory without the low rate limit).</summary>
public sealed class ReturnUrlTests(Dashboard.Tests.Web.Imports.ImportsApiTests.Factory factory) : IClassFixture<Dashboard.Tests.Web.Imports.ImportsApiTests.Factory>
{
    [Fact]
    public async Task ANonAsciiReturnUrlRedirectsAfterTheRightPassword()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TestUsers.AntiforgeryTokenAsync(client, "/account/login");

        using var response = await client.PostAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString("/orders?category=Kurtä"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.UserName"] = TestUsers.Admin,
                ["Input.Password"] = TestUsers.Password,
            }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/orders?category=Kurt%C3%A4", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACopyOfTheCookieStopsWorkingAtSignOut()
    {
        await factory.Services.AddUserAsync("leaver", Core.Users.Role.Viewer);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var signIn = await SignInWithoutJarAsync(client, "leaver");
        var copy = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal));
        using var before = new HttpRequestMessage(HttpMethod.Get, "/api/dataset") { Headers = { { "Cookie", copy } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(before)).StatusCode);

        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await TestUsers.SignInAsync(browser, "leaver");
        var token = await TestUsers.AntiforgeryTokenAsync(browser, "/");
        using var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/dataset") { Headers = { { "Cookie", copy } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(after)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInWithoutJarAsync(HttpClient client, string user)
    {
        using var page = await client.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.UserName"] = user,
                ["Input.Password"] = TestUsers.Password,
            }),
        };
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
