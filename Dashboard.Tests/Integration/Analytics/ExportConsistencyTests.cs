using Dashboard.Core.Analytics;
using Dashboard.Core.Analytics.Export;
using Microsoft.Extensions.Options;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Data;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Integration.Analytics;

/// <summary>
/// A download never mixes two states of the store: when an import commits after the frame was built (here by "another
/// process", whose change this process has not counted yet), the export reads a new frame instead of pairing the old
/// frame's rows with the new text, or failing.
/// </summary>
public abstract class ExportConsistencyTests(StoreProvider provider) : StoreTest(provider), IDisposable
{
    private readonly TempDatabase _db = new(provider: provider);

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AnOrderLinesExportAfterAnotherProcessImportedShowsTheNewData()
    {
        _db.Import(new AmazonCsv().Line("171-1", sku: "A-1", status: "Shipped").Line("171-2", sku: "B-1").ToString());
        var web = new DataVersion(); // the web process's own count: it has not seen the second import
        var export = new OrderLinesExport(new OrdersFrameCache(_db.Contexts(), web, Options.Create(new AnalyticsOptions())), _db.Contexts(), Options.Create(new DownloadOptions()));
        Assert.Equal(2, (await export.GetAsync(OrderFilter.None)).Rows);

        _db.Import(new AmazonCsv().Line("171-1", sku: "A-1", status: "Cancelled").Line("171-3", sku: "C-1").ToString(), "second.csv");
        var table = await export.GetAsync(OrderFilter.None);

        Assert.Equal(3, table.Rows);
        var text = Text(table, "order_id").Zip(Text(table, "status"), (id, status) => $"{id} {status}").Order();
        Assert.Equal(["171-1 Cancelled", "171-2 Shipped", "171-3 Shipped"], text);
        var groups = (Dashboard.Core.Analytics.Export.CodedTextColumn)table.Columns.Single(c => c.Name == "status_group");
        Assert.Equal(2, groups.Codes.Count(c => groups.Names[c] == "Shipped"));
    }

    [Fact]
    public async Task APurchasesExportAfterAnotherProcessImportedShowsTheNewData()
    {
        const string header = "User_ID,Product_ID,Gender,Age,Occupation,City_Category,Stay_In_Current_City_Years,Marital_Status,Product_Category_1,Product_Category_2,Product_Category_3,Purchase\n";
        _db.Import(header + "1000001,P00069042,F,0-17,10,A,2,0,3,,,8370\n", "first.csv");
        var web = new DataVersion();
        var export = new PurchasesExport(new PurchasesFrameCache(_db.Contexts(), web), _db.Contexts(), Options.Create(new DownloadOptions()));
        Assert.Equal(1, (await export.GetAsync(PurchaseFilter.None)).Rows);

        _db.Import(header + "1000002,P00248942,M,26-35,16,C,4+,0,1,6,14,15200\n", "second.csv");
        var table = await export.GetAsync(PurchaseFilter.None);

        Assert.Equal(2, table.Rows);
        Assert.Equal(["P00069042", "P00248942"], Text(table, "product_id").Order());
    }

    private static IEnumerable<string?> Text(Dashboard.Core.Analytics.Export.DataTable table, string name) =>
        ((Dashboard.Core.Analytics.Export.TextColumn)table.Columns.Single(c => c.Name == name)).Values;
}

public sealed class ExportConsistencyOnSqliteTests() : ExportConsistencyTests(StoreProvider.Sqlite);

public sealed class ExportConsistencyOnPostgreSqlTests() : ExportConsistencyTests(StoreProvider.PostgreSql);
