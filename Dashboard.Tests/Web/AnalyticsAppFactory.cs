using Dashboard.Tests.Integration.Analytics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web;

/// <summary>The web app over <see cref="AnalyticsFixture"/>'s database (a real SQLite file), served in memory.</summary>
public sealed class AnalyticsAppFactory : WebApplicationFactory<Program>
{
    private readonly AnalyticsFixture _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Dashboard", _data.ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
