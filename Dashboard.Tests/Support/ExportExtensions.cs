using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Tests.Support;

/// <summary>A download's rows in memory (<see cref="CollectedTable"/>), for tests that look at the rows rather than the file.</summary>
public static class ExportExtensions
{
    public static Task<DataTable> GetAsync(this OrderLinesExport export, OrderFilter filter) =>
        export.GetAsync(new Dashboard.Core.Orders.Rows.RowsRequest(filter));

    public static Task<DataTable> GetAsync(this OrderLinesExport export, Dashboard.Core.Orders.Rows.RowsRequest request) =>
        CollectedTable.OfAsync(writer => export.WriteAsync(request, writer));

    public static Task<DataTable> GetAsync(this PurchasesExport export, PurchaseFilter filter) =>
        CollectedTable.OfAsync(writer => export.WriteAsync(filter, writer));
}
