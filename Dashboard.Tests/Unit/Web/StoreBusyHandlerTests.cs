using Dashboard.Core.Data;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Unit.Web;

/// <summary>A write that found the store busy and that no page refused answers 503 with the reason, never 500.</summary>
public class StoreBusyHandlerTests
{
    [Theory]
    [InlineData(5)] // SQLITE_BUSY
    [InlineData(6)] // SQLITE_LOCKED
    public async Task ABusyStoreDeepInsideTheExceptionAnswers503WithTheReason(int code)
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var failure = new DbUpdateException("save failed", new SqliteException("database is locked", code));

        Assert.True(await new StoreBusyHandler().TryHandleAsync(http, failure, CancellationToken.None));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("30", http.Response.Headers.RetryAfter);
        http.Response.Body.Position = 0;
        Assert.Equal(StoreBusy.Message, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task AnExportWhoseDataKeptChangingAnswers503WithItsReason()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var changed = new Dashboard.Core.Analytics.Export.DataChangedException();

        Assert.True(await new StoreBusyHandler().TryHandleAsync(http, changed, CancellationToken.None));

        Assert.Equal(503, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        Assert.Equal(changed.Message, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task OtherFailuresAreLeftToTheErrorPage()
    {
        var http = new DefaultHttpContext();
        Assert.False(await new StoreBusyHandler().TryHandleAsync(http, new SqliteException("constraint", 19), CancellationToken.None));
        Assert.False(await new StoreBusyHandler().TryHandleAsync(http, new InvalidOperationException(), CancellationToken.None));
        Assert.Equal(200, http.Response.StatusCode);
    }
}
