using Dashboard.Tests.Integration.Analytics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Web;

/// <summary>
/// The web app over <see cref="AnalyticsFixture"/>'s database (a real SQLite file; a PostgreSQL database for
/// <see cref="PostgreSqlAnalyticsAppFactory"/>), served in memory.
/// </summary>
public class AnalyticsAppFactory : WebApplicationFactory<Program>
{
    private readonly AnalyticsFixture _data;

    public AnalyticsAppFactory() : this(new AnalyticsFixture())
    {
    }

    protected AnalyticsAppFactory(AnalyticsFixture data) => _data = data;

    /// <summary>The rows of a download's batch (Parquet row group, Arrow record batch) in this app.</summary>
    public const int DownloadBatchRows = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Store:Provider", _data.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Dashboard", _data.ConnectionString);
        // Batches smaller than the fixture, so that every download is written in several (decision 0023).
        builder.UseSetting("Downloads:BatchRows", DownloadBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

public sealed class PostgreSqlAnalyticsAppFactory() : AnalyticsAppFactory(new PostgreSqlAnalyticsFixture());
