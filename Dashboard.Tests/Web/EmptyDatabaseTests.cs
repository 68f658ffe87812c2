using Dashboard.Core.Data;
using Dashboard.Tests.Support;
using System.Net;
using Dashboard.Core.Data.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Web;

/// <summary>A freshly migrated database (empty, or holding the sample data once the start-up seeds it).</summary>
public sealed class EmptyDatabaseTests
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
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-empty-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        using (var store = new DashboardStore(connectionString, Path.GetTempPath()))
        {
            new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).Migrate(store);
        }
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseSetting("ConnectionStrings:Dashboard", connectionString);
            });
            using var client = await factory.SignedInClientAsync();
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
