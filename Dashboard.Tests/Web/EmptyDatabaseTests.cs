using System.Net;
using Dashboard.Core.Data.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Web;

public sealed class EmptyDatabaseTests
{
    [Theory]
    [InlineData("/", "Orders overview")]
    [InlineData("/weekly", "Weekly review")]
    [InlineData("/purchases", "Customer purchases")]
    [InlineData("/api/orders/overview", "\"range\":null")]
    [InlineData("/api/orders/weekly-review", "\"week\":null")]
    [InlineData("/api/purchases/summary", "\"count\":0")]
    public async Task EveryScreenAnswersWhenNoOrderLineIsStored(string url, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-empty-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path}";
        new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).Migrate(connectionString);
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Development");
                b.UseSetting("ConnectionStrings:Dashboard", connectionString);
            });
            using var client = factory.CreateClient();
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
