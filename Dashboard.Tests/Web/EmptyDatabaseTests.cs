using Dashboard.Core.Data;
using Dashboard.Tests.Support;
using System.Net;
using Dashboard.Core.Data.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Web;

/// <summary>
/// A fresh, empty database of each store, which the app's start creates and upgrades (and fills with the sample data).
/// </summary>
public abstract class EmptyDatabaseTests(StoreProvider provider) : StoreTest(provider)
{
    [Theory]
    [InlineData("/", "Orders overview")]
    [InlineData("/weekly", "Weekly review")]
    [InlineData("/purchases", "Customer purchases")]
    [InlineData("/models", ">Models</h1>")]
    [InlineData("/what-if", "What-if")]
    [InlineData("/imports", ">Imports</h1>")]
    [InlineData("/users", ">Users</h1>")]
    [InlineData("/api/orders/overview", "\"kpis\"")]
    [InlineData("/api/orders/weekly-review", "\"weekStartsOn\"")]
    [InlineData("/api/purchases/summary", "\"quantiles\"")]
    public async Task EveryScreenAnswersOnAFreshDatabase(string url, string expected)
    {
        using var db = NewDatabase(migrate: false);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Store:Provider", Provider.ToString());
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
            b.UseSetting("Models:TrainOnFirstStart", "false");
        });
        using var client = await factory.SignedInClientAsync();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).LatestVersion, db.Scalar("SELECT MAX(version) FROM schema_migrations"));
    }
}

public sealed class EmptyDatabaseOnSqliteTests() : EmptyDatabaseTests(StoreProvider.Sqlite);

public sealed class EmptyDatabaseOnPostgreSqlTests() : EmptyDatabaseTests(StoreProvider.PostgreSql);
