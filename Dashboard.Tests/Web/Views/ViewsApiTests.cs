using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web.Views;

/// <summary>
/// <c>/api/views</c> as a script uses it: bad input is 400 with the reason, someone else's shared view 403 (unless an admin),
/// someone else's private view 404, and the start page is the caller's own.
/// </summary>
public sealed class ViewsApiTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new(migrate: false);
    private WebApplicationFactory<Program> _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Store:Provider", nameof(StoreProvider.Sqlite));
            b.UseSetting("ConnectionStrings:Dashboard", _db.ConnectionString);
            b.UseSetting("Models:TrainOnFirstStart", "false");
        });
        using var admin = await _factory.SignedInClientAsync();
        await _factory.Services.AddUserAsync("ana", Role.Analyst);
        await _factory.Services.AddUserAsync("bob", Role.Analyst);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task TheOwnerSavesAndRenamesAnotherUserSeesTheSharedViewButCannotChangeItAndAnAdminCan()
    {
        using var ana = await _factory.SignedInClientAsync("ana");
        using var bob = await _factory.SignedInClientAsync("bob");
        using var admin = await _factory.SignedInClientAsync();

        var created = await ana.PostAsJsonAsync("/api/views", new { name = "Sets by amount", page = "orders/rows", query = "category=Set&sort=amount&dir=desc", shared = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var secret = await (await ana.PostAsJsonAsync("/api/views", new { name = "Mine", page = "weekly", query = "", shared = false }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var seen = await bob.GetFromJsonAsync<JsonElement>("/api/views");
        var only = Assert.Single(seen.EnumerateArray());
        Assert.Equal("Sets by amount", only.GetProperty("name").GetString());
        Assert.Equal("orders/rows?category=Set&sort=amount&dir=desc", only.GetProperty("url").GetString());
        Assert.False(only.GetProperty("canChange").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PutAsJsonAsync($"/api/views/{id}", new { name = "Taken" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.DeleteAsync($"/api/views/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/views/{secret.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/views/{secret.GetProperty("id").GetInt64()}")).StatusCode);

        var renamed = await ana.PutAsJsonAsync($"/api/views/{id}", new { name = "Sets, biggest first" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Sets, biggest first", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/views/{id}", new { shared = false })).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/views")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync($"/api/views/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync($"/api/views/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"","page":"orders","query":""}""", "needs a name")]
    [InlineData("""{"name":"x","page":"account/logout","query":""}""", "not a page")]
    [InlineData("""{"name":"x","page":"orders","query":"a b"}""", "URL-escaped")]
    [InlineData("""{"name":"x","page":"orders","shared":"yes"}""", "true or false")]
    [InlineData("""[1,2]""", "JSON object")]
    public async Task ABadViewAnswers400WithTheReason(string body, string reason)
    {
        using var ana = await _factory.SignedInClientAsync("ana");
        var response = await ana.PostAsync("/api/views", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartPageRedirectsTheRootAndOnlyForItsUser()
    {
        using var ana = await _factory.SignedInClientAsync("ana");
        using var bob = await _factory.SignedInClientAsync("bob");
        var view = await (await ana.PostAsJsonAsync("/api/views", new { name = "Weekly", page = "weekly", query = "week=2022-06-20", shared = false }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PutAsJsonAsync("/api/views/start", new { id = view.GetProperty("id").GetInt64() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ana.PutAsJsonAsync("/api/views/start", new { id = view.GetProperty("id").GetInt64() })).StatusCode);

        var root = await ana.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/weekly?week=2022-06-20", new Uri(new Uri("http://localhost/"), root.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/")).StatusCode);
        // the overview itself stays one click away
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/orders")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync("/api/views/start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AChangeWithoutTheAntiforgeryHeaderIsRefused()
    {
        using var ana = await _factory.SignedInClientAsync("ana", withApiToken: false);
        var response = await ana.PostAsJsonAsync("/api/views", new { name = "x", page = "orders", query = "" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await ana.GetFromJsonAsync<JsonElement>("/api/views")).EnumerateArray());
    }
}
