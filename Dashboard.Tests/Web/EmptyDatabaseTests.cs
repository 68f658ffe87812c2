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
    private static readonly (string Url, string Expected)[] Screens =
    [
        ("/", "Orders overview"),
        ("/weekly", "Weekly review"),
        ("/purchases", "Customer purchases"),
        ("/models", ">Models</h1>"),
        ("/what-if", "What-if"),
        ("/imports", ">Imports</h1>"),
        ("/users", ">Users</h1>"),
        ("/api/orders/overview", "\"kpis\""),
        ("/api/orders/weekly-review", "\"weekStartsOn\""),
        ("/api/purchases/summary", "\"quantiles\""),
    ];

    /// <summary>One app over one fresh database: its start creates the schema and fills the sample data, which every screen then reads.</summary>
    [Fact]
    public async Task EveryScreenAnswersOnAFreshDatabase()
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
        var failures = new List<string>();
        foreach (var (url, expected) in Screens)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
            {
                failures.Add($"{url}: {(int)response.StatusCode}, {(body.Contains(expected, StringComparison.Ordinal) ? "" : "without ")}{expected}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).LatestVersion, db.Scalar("SELECT MAX(version) FROM schema_migrations"));
    }
}

public sealed class EmptyDatabaseOnSqliteTests() : EmptyDatabaseTests(StoreProvider.Sqlite);

public sealed class EmptyDatabaseOnPostgreSqlTests() : EmptyDatabaseTests(StoreProvider.PostgreSql);
