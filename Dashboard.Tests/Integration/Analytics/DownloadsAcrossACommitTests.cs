using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Dashboard.Core.Orders;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>
/// Downloads that find the store changed under them: one change moves the data version on once, and the readers wait for
/// the one frame built after it instead of each forcing another (so their retries do not run out and answer 503).
/// </summary>
public abstract class DownloadsAcrossACommitTests(StoreProvider provider) : StoreTest(provider), IDisposable
{
    private readonly TempDatabase _db = new(provider: provider);

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwentyDownloadsAcrossOneCommitAllAnswerAndMoveTheVersionOnOnce(bool pastTheFrame)
    {
        _db.Import(new AmazonCsv().Line("171-1", sku: "A-1", status: "Shipped").Line("171-2", sku: "B-1").ToString());
        var web = new DataVersion(); // the web process: another process imports below
        using (var connection = _db.Store.OpenConnection())
        {
            web.CatchUp(connection); // its watcher's first look at start
        }
        var cache = new OrdersFrameCache(_db.Contexts(), web, Options.Create(new AnalyticsOptions { FrameMaxLines = pastTheFrame ? 0 : int.MaxValue }));
        var export = new OrderLinesExport(cache, _db.Contexts(), Options.Create(new DownloadOptions { BatchRows = 1 }));
        Assert.Equal(2, (await export.GetAsync(OrderFilter.None)).Rows);
        var before = web.Current;

        _db.Import(new AmazonCsv().Line("171-1", sku: "A-1", status: "Cancelled").Line("171-3", sku: "C-1").ToString(), "second.csv");
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await export.GetAsync(OrderFilter.None)).Rows;
            }
            catch (DataChangedException)
            {
                return -1;
            }
        })));

        Assert.Equal(Enumerable.Repeat(3, 20), answers);
        Assert.Equal(before + 1, web.Current);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnImportCommitsWhileADownloadIsBeingWrittenWhichKeepsItsOwnStateOfTheStore(bool pastTheFrame)
    {
        using var db = new TempDatabase(busyTimeoutSeconds: 2, provider: Provider);
        db.Import(new AmazonCsv().Line("171-1", sku: "A-1", status: "Shipped").Line("171-2", sku: "B-1").ToString());
        var cache = new OrdersFrameCache(db.Contexts(), db.Version, Options.Create(new AnalyticsOptions { FrameMaxLines = pastTheFrame ? 0 : int.MaxValue }));
        var export = new OrderLinesExport(cache, db.Contexts(), Options.Create(new DownloadOptions { BatchRows = 1 }));
        var writer = new ImportingWriter(() => db.Import(new AmazonCsv().Line("171-3", sku: "C-1").ToString(), "second.csv"));

        await export.WriteAsync(new Dashboard.Core.Orders.Rows.RowsRequest(OrderFilter.None), writer);

        Assert.True(writer.Imported?.Succeeded); // a download's read does not hold the store's write lock
        Assert.Equal(2, writer.Rows); // and it goes on in the state it started in
        Assert.Equal(3, (await export.GetAsync(OrderFilter.None)).Rows);
    }

    /// <summary>A download's writer that imports while it writes the first batch.</summary>
    private sealed class ImportingWriter(Func<Dashboard.Core.Imports.ImportSummary> import) : ITableWriter
    {
        public Dashboard.Core.Imports.ImportSummary? Imported { get; private set; }
        public int Rows { get; private set; }

        public Task WriteAsync(DataTable batch, CancellationToken cancellationToken)
        {
            Imported ??= import();
            Rows += batch.Rows;
            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

public sealed class DownloadsAcrossACommitOnSqliteTests() : DownloadsAcrossACommitTests(StoreProvider.Sqlite);

public sealed class DownloadsAcrossACommitOnPostgreSqlTests() : DownloadsAcrossACommitTests(StoreProvider.PostgreSql);
