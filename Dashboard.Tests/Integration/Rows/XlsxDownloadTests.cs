using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Orders.Rows;
using Dashboard.Tests.Support;
using MiniExcelLibs;

namespace Dashboard.Tests.Integration.Rows;

/// <summary>The Excel download read back with MiniExcel: the rows of the grid in its sort, typed cells, and the totals.</summary>
public sealed class XlsxDownloadTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheWorkbookHoldsTheRowsInTheirSortWithDatesAndAmountsAsNumbersAndTheTotals(bool pastTheFrame)
    {
        using var db = new TempDatabase();
        db.Import(RowsFixture.Orders());
        var q = RowsFixture.Over(db, pastTheFrame);
        var request = new RowsRequest(RowsFixture.Filter("category=kurta"), null, RowsColumn.Amount, Descending: true, Limit: 1000);
        var page = await q.Rows.PageAsync(request);

        using var file = new MemoryStream();
        var writer = new XlsxExport(file);
        await q.Export.WriteAsync(request, writer);
        await writer.CompleteAsync(CancellationToken.None);
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "rows").Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(page.Lines, rows.Count);
        Assert.Equal(page.Rows.Select(r => r.OrderId), rows.Select(r => (string)r["order_id"]!));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["date"]));
        Assert.Equal(page.Rows.Select(r => r.Date.ToDateTime(TimeOnly.MinValue)), rows.Select(r => (DateTime)r["date"]!));
        Assert.All(rows.Where(r => r["amount"] is not null), r => Assert.IsType<double>(r["amount"]));
        Assert.Equal(page.Rows.Select(r => (double?)r.Amount), rows.Select(r => (double?)r["amount"]));
        Assert.Equal(page.Units, rows.Sum(r => Convert.ToInt64(r["qty"], System.Globalization.CultureInfo.InvariantCulture)));
        var revenue = rows.Where(r => (string?)r["status_group"] != nameof(StatusGroup.Cancelled) && (string?)r["currency"] == page.Currency)
            .Sum(r => (decimal)(double)r["amount"]!);
        Assert.Equal(page.Revenue, Math.Round(revenue, 2));
        Assert.Equal(page.Orders, rows.Select(r => r["order_id"]).Distinct().Count());
    }

    [Fact]
    public async Task AnEmptySelectionGivesAWorkbookWithItsHeaderOnly()
    {
        using var db = new TempDatabase();
        db.Import(RowsFixture.Orders(5));
        var q = RowsFixture.Over(db, pastTheFrame: false);
        using var file = new MemoryStream();
        var writer = new XlsxExport(file);
        await q.Export.WriteAsync(new RowsRequest(OrderFilter.None, "no such order"), writer);
        await writer.CompleteAsync(CancellationToken.None);
        file.Position = 0;

        Assert.Contains("order_id", MiniExcel.GetColumns(file, useHeaderRow: true));
        file.Position = 0;
        Assert.DoesNotContain(MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => r.Values.Any(v => v is not null));
    }
}
