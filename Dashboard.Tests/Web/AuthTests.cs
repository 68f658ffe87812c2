using System.Net;
using System.Net.Http.Json;
using Dashboard.Core.Users;
using Dashboard.Tests.Integration.Analytics;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

/// <summary>
/// Sign-in and roles enforced on the server (decision 0008): every request is checked, whatever the page shows or hides.
/// Over <see cref="AnalyticsFixture"/>'s small real database, with the admin from the settings (<see cref="TestUsers"/>).
/// </summary>
public abstract class AuthTests(AnalyticsAppFactory factory)
{
    /// <summary>What anyone may reach without signing in; everything else must refuse an anonymous request.</summary>
    private static readonly string[] Anonymous = ["/account/login", "/account/logout", "/setup", "/Error", "/digest/unsubscribe", "/mail/confirm", "/alerts/snooze", "/alerts/unsubscribe", // links in e-mails, whose signed token is the permission
        "/health/live", "/health/ready", "/metrics"]; // for the proxy and the scraper: a word, and /metrics only to allowed addresses (TelemetryTests)

    private static readonly string[] ViewerPages = ["/", "/orders", "/weekly", "/purchases", "/alerts", "/alerts/new?metric=revenue&filter=category%3DSet"];
    private static readonly string[] AnalystPages = ["/models", "/what-if"];
    private static readonly string[] AdminPages = ["/imports", "/users", "/alerts/all"];

    private HttpClient Anonymously() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAs(Role role, string name)
    {
        await factory.Services.AddUserAsync(name, role);
        return await factory.SignedInClientAsync(name);
    }

    /// <summary>Every route the app maps, with its parameters filled in, and the HTTP methods it answers.</summary>
    private IEnumerable<(string Method, string Path, RouteEndpoint Endpoint)> Routes()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "dimension" } => "age",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "id" } => "1",
                _ => "x",
            }))));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                yield return (method, path, endpoint);
            }
        }
    }

    private static bool IsStaticAsset(string path) =>
        path.StartsWith("/_framework/", StringComparison.Ordinal) || path.StartsWith("/_content/", StringComparison.Ordinal)
        || path.StartsWith("/lib/", StringComparison.Ordinal) || Path.HasExtension(path) && !path.EndsWith(".csv", StringComparison.Ordinal);

    [Fact]
    public async Task EveryPageAndApiEndpointRefusesAnAnonymousRequest()
    {
        var client = Anonymously();
        var checkedRoutes = new List<string>();
        foreach (var (method, path, endpoint) in Routes())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Assert.True(Anonymous.Contains(path) || IsStaticAsset(path), $"{method} {path} is open to anyone");
                continue;
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
            }
            else if (!path.StartsWith("/_blazor", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
            }
            else
            {
                Assert.True((int)response.StatusCode is 302 or 401 or 405, $"{method} {path}: {(int)response.StatusCode}");
            }
            checkedRoutes.Add($"{method} {path}");
        }
        // The sweep reached the pages and the API, not just a handful of routes.
        Assert.Contains("GET /", checkedRoutes);
        Assert.Contains("GET /users", checkedRoutes);
        Assert.Contains("POST /api/imports", checkedRoutes);
        Assert.Contains("POST /api/what-if/cancellation", checkedRoutes);
        Assert.Contains("GET /api/orders/kpis.csv", checkedRoutes);
        Assert.True(checkedRoutes.Count > 35, string.Join(", ", checkedRoutes));
    }

    [Fact]
    public async Task AViewerSeesTheDashboardsButCannotUploadUndoRetrainExportOrReadTheWhatIfApi()
    {
        var viewer = await SignedInAs(Role.Viewer, "viewer-1");
        var batchesBefore = await BatchCountAsync();

        foreach (var page in ViewerPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(page)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/orders/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/purchases/summary")).StatusCode);
        foreach (var page in AnalystPages.Concat(AdminPages))
        {
            var response = await viewer.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
        }
        using var upload = await viewer.PostAsync("/api/imports?file=orders.csv", new StringContent(AmazonCsv.Header + "\n"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/imports/1/undo", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/models/training", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/what-if/cancellation", new { City = "Mumbai" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/what-if/choices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/orders/kpis.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/purchases/by/age.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/imports/1/issues.csv")).StatusCode);
        Assert.Equal(batchesBefore, await BatchCountAsync());
    }

    [Fact]
    public async Task AnAnalystMayExportAndAskWhatIfButNeitherUploadNorRetrain()
    {
        var analyst = await SignedInAs(Role.Analyst, "analyst-1");

        foreach (var page in ViewerPages.Concat(AnalystPages))
        {
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(page)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/orders/kpis.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/what-if/choices")).StatusCode);
        // No model is trained on this small data set: the What-if API is reached and says so.
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync("/api/what-if/cancellation", new { City = "Mumbai" })).StatusCode);
        foreach (var page in AdminPages)
        {
            Assert.StartsWith("/account/denied", (await analyst.GetAsync(page)).Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/imports?file=orders.csv", new StringContent(AmazonCsv.Header + "\n"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/models/training", null)).StatusCode);
    }

    [Fact]
    public async Task AnAdminReachesEveryPage()
    {
        var admin = await factory.SignedInClientAsync();

        foreach (var page in ViewerPages.Concat(AnalystPages).Concat(AdminPages))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task ADisabledUsersCookieStopsWorkingAtOnce()
    {
        var client = await SignedInAs(Role.Analyst, "leaver");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dataset")).StatusCode);
        var users = factory.Services.GetRequiredService<UserService>();
        var leaver = (await users.ListAsync()).Single(u => u.UserName == "leaver");

        await users.SetDisabledAsync(leaver.Id, true, actor: TestUsers.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/dataset")).StatusCode);
        var page = await client.GetAsync("/");
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
        using var again = await TestUsers.PostSignInAsync(Anonymously(), "leaver", TestUsers.Password);
        Assert.Contains("disabled", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AResetPasswordEndsTheSessionsSignedInWithTheOldOne()
    {
        var client = await SignedInAs(Role.Viewer, "forgetful");
        var users = factory.Services.GetRequiredService<UserService>();
        var user = (await users.ListAsync()).Single(u => u.UserName == "forgetful");

        await users.ResetPasswordAsync(user.Id, "brand-new-password", actor: TestUsers.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/dataset")).StatusCode);
        var fresh = await factory.SignedInClientAsync("forgetful", "brand-new-password");
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/dataset")).StatusCode);
    }

    [Fact]
    public async Task ANewRoleCountsAtTheNextRequestWithoutSigningInAgain()
    {
        var client = await SignedInAs(Role.Viewer, "promoted");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/orders/kpis.csv")).StatusCode);
        var users = factory.Services.GetRequiredService<UserService>();
        var user = (await users.ListAsync()).Single(u => u.UserName == "promoted");

        await users.SetRoleAsync(user.Id, Role.Analyst, actor: TestUsers.Admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders/kpis.csv")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsLockTheAccountAfterTheConfiguredNumberOfTries()
    {
        await factory.Services.AddUserAsync("clumsy", Role.Viewer);
        var client = Anonymously();
        var max = factory.Services.GetRequiredService<UserService>().Options.MaxFailedAttempts;

        for (var i = 1; i < max; i++)
        {
            using var wrong = await TestUsers.PostSignInAsync(client, "clumsy", "not-the-password");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Wrong user name or password", await wrong.Content.ReadAsStringAsync());
        }
        using var last = await TestUsers.PostSignInAsync(client, "clumsy", "not-the-password");
        using var stillWrong = await TestUsers.PostSignInAsync(client, "clumsy", "not-the-password");
        using var right = await TestUsers.PostSignInAsync(client, "clumsy", TestUsers.Password);

        // Decision 0015: until the right password is given, a locked account answers exactly as a wrong password does.
        Assert.Contains("Wrong user name or password", await last.Content.ReadAsStringAsync());
        Assert.Contains("Wrong user name or password", await stillWrong.Content.ReadAsStringAsync());
        Assert.DoesNotContain("locked", await stillWrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync();
        Assert.Contains(audit, e => e.UserName == "clumsy" && e.Action == AuditLog.Actions.LockedOut);
    }

    [Fact]
    public async Task TheSignInPageAndWhatItLoadsNeedNoSignIn()
    {
        var client = Anonymously();
        var page = await client.GetStringAsync("/account/login");

        // Every script and stylesheet the page names (MudBlazor's, Blazor's, ours), as the browser would fetch them.
        var assets = System.Text.RegularExpressions.Regex.Matches(page, "(?:src|href)=\"([^\"]+\\.(?:js|css|svg))\"")
            .Select(m => "/" + m.Groups[1].Value.TrimStart('/')).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("/_content/MudBlazor/MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains("/_framework/blazor.web.js", assets);
        foreach (var path in assets)
        {
            Assert.Equal((path, HttpStatusCode.OK), (path, (await client.GetAsync(path)).StatusCode));
        }
    }

    [Fact]
    public async Task TheSetupPageIsGoneOnceAnAdminExists()
    {
        var client = Anonymously();

        using var get = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("Create the first admin", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSignInFormIsRefusedWithoutItsAntiforgeryToken()
    {
        using var response = await Anonymously().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = TestUsers.Admin,
            ["Input.Password"] = TestUsers.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ASignOutWithoutTheFormsTokenIsRefusedAndTheUserStaysSignedIn()
    {
        var client = await SignedInAs(Role.Viewer, "stays");

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/dataset")).StatusCode);
    }

    [Fact]
    public async Task PagesCarryTheSecurityHeaders()
    {
        var admin = await factory.SignedInClientAsync();

        foreach (var response in new[] { await admin.GetAsync("/"), await Anonymously().GetAsync("/account/login") })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task TheAuthCookieIsHttpOnlyAndLax()
    {
        var client = Anonymously();
        using var response = await TestUsers.PostSignInAsync(client, TestUsers.Admin, TestUsers.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dashboard.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInSignOutAndUploadsAreAudited()
    {
        var admin = await factory.SignedInClientAsync();
        using var upload = await admin.PostAsync("/api/imports?file=audited.csv&preview=true", new StringContent(AmazonCsv.Header + "\n"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var token = await TestUsers.AntiforgeryTokenAsync(admin, "/account/password");
        using var signOut = await admin.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/dataset")).StatusCode);

        var audit = await factory.Services.GetRequiredService<AuditLog>().RecentAsync();
        Assert.Contains(audit, e => e.UserName == TestUsers.Admin && e.Action == AuditLog.Actions.SignIn);
        Assert.Contains(audit, e => e.UserName == TestUsers.Admin && e.Action == AuditLog.Actions.Upload && e.Detail!.Contains("audited.csv"));
        Assert.Contains(audit, e => e.UserName == TestUsers.Admin && e.Action == AuditLog.Actions.SignOut);
    }

    private async Task<long> BatchCountAsync()
    {
        var history = factory.Services.GetRequiredService<Dashboard.Core.Imports.History.ImportHistoryQuery>();
        return (await history.ListAsync()).Count;
    }
}

/// <summary>The first start of a new installation, with no admin in the settings: the one-time setup page.</summary>
public sealed class FirstStartSetupTests
{
    [Fact]
    public async Task WithNoUserTheSetupPageCreatesTheFirstAdminAndThenIsGone()
    {
        using var db = new TempDatabase();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
            // No admin is configured for this installation (UseSetting wins over the environment TestUsers sets).
            b.UseSetting("Auth:Admin:UserName", "");
            b.UseSetting("Auth:Admin:Password", "");
            b.UseSetting("Models:TrainOnFirstStart", "false");
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        var login = await client.GetAsync(home.Headers.Location!.PathAndQuery);
        Assert.True(login.Headers.Location is not null, $"{(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        Assert.Equal("/setup", login.Headers.Location.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var token = await TestUsers.AntiforgeryTokenAsync(client, "/setup");
        using var created = await client.PostAsync("/setup", Form(token, "owner", "owner-password-1"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).StatusCode); // signed in as the new admin

        var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/setup")).StatusCode);
        var strangersToken = await TestUsers.AntiforgeryTokenAsync(stranger, "/account/login");
        using var second = await stranger.PostAsync("/setup", Form(strangersToken, "intruder", "intruder-password-1"));
        Assert.NotEqual(HttpStatusCode.Redirect, second.StatusCode);
        var users = await factory.Services.GetRequiredService<UserService>().ListAsync();
        Assert.Equal(["owner"], users.Select(u => u.UserName));
        Assert.Equal(Role.Admin, users[0].Role);
    }

    private static FormUrlEncodedContent Form(string token, string name, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "setup",
        ["Input.UserName"] = name,
        ["Input.Password"] = password,
        ["Input.Confirm"] = password,
    });
}

public sealed class AuthOnSqliteTests(AnalyticsAppFactory factory) : AuthTests(factory), IClassFixture<AnalyticsAppFactory>;

public sealed class AuthOnPostgreSqlTests(PostgreSqlAnalyticsAppFactory factory) : AuthTests(factory), IClassFixture<PostgreSqlAnalyticsAppFactory>;
