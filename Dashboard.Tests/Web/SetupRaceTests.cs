using System.Net;
using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

/// <summary>
/// The one-time setup page posted by many browsers at once, on a fresh installation with no admin in the settings:
/// one admin, however many posts, on one app and on two apps that share a PostgreSQL store.
/// </summary>
public sealed class SetupRaceTests
{
    [Fact]
    public async Task FiftyConcurrentSetupPostsCreateOneAdmin()
    {
        using var db = new TempDatabase();
        await using var app = NewApp(db);

        var answers = await PostSetupsAsync([app], 50);

        Assert.Single(answers, a => a == HttpStatusCode.Redirect);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, answers);
        Assert.Single(await app.Services.GetRequiredService<UserService>().ListAsync());
    }

    [Fact]
    public async Task TwoAppsOnOnePostgreSqlStoreCreateOneAdminBetweenThem()
    {
        using var db = new TempDatabase(migrate: false, provider: StoreProvider.PostgreSql);
        await using var first = NewApp(db);
        await using var second = NewApp(db);

        var answers = await PostSetupsAsync([first, second], 50);

        Assert.Single(answers, a => a == HttpStatusCode.Redirect);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, answers);
        Assert.Single(await second.Services.GetRequiredService<UserService>().ListAsync());
    }

    private static WebApplicationFactory<Program> NewApp(TempDatabase db) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Development");
        b.UseSetting("Store:Provider", db.Provider.ToString());
        b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
        // No admin is configured for this installation (UseSetting wins over the environment TestUsers sets).
        b.UseSetting("Auth:Admin:UserName", "");
        b.UseSetting("Auth:Admin:Password", "");
        b.UseSetting("Models:TrainOnFirstStart", "false");
    });

    /// <summary>Every browser opens the setup page first (no admin yet), then all post it at once, each with its own name.</summary>
    private static async Task<HttpStatusCode[]> PostSetupsAsync(WebApplicationFactory<Program>[] apps, int posts)
    {
        var browsers = await Task.WhenAll(Enumerable.Range(0, posts).Select(async i =>
        {
            var client = apps[i % apps.Length].CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            return (Client: client, Token: await TestUsers.AntiforgeryTokenAsync(client, "/setup"), Name: $"owner-{i}");
        }));
        var answers = await Task.WhenAll(browsers.Select(b => Task.Run(async () =>
        {
            using var response = await b.Client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = b.Token,
                ["_handler"] = "setup",
                ["Input.UserName"] = b.Name,
                ["Input.Password"] = "owner-password-1",
                ["Input.Confirm"] = "owner-password-1",
            }));
            return response.StatusCode;
        })));
        foreach (var browser in browsers)
        {
            browser.Client.Dispose();
        }
        return answers;
    }
}
