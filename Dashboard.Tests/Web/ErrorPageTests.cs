using System.Net;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web;

/// <summary>Outside Development a failure shows a reference, never a stack trace or SQL (decision 0008).</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public async Task AFailureInProductionShowsAReferenceAndNoStackTraceOrSql()
    {
        using var db = new TempDatabase();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
            b.UseSetting("Models:TrainOnFirstStart", "false");
            b.ConfigureServices(s => s.AddTransient<IStartupFilter, FailingPathFilter>());
        });
        var client = await factory.SignedInClientAsync();

        using var response = await client.GetAsync("/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("SELECT", body);
        Assert.DoesNotContain("SqliteException", body);
        Assert.DoesNotContain(" at ", body);
    }

    /// <summary>A path whose request fails the way a broken query would, behind the app's own error handling.</summary>
    private sealed class FailingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate inner) => context.Request.Path == "/boom"
                ? throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 1: 'no such column: x' in SELECT x FROM order_lines", 1)
                : inner(context));
        };
    }
}
