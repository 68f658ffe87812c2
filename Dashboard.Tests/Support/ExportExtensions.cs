using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Tests.Support;

/// <summary>A download's rows in memory (<see cref="CollectedTable"/>), for tests that look at the rows rather than the file.</summary>
public static class ExportExtensions
{
    public static Task<DataTable> GetAsync(this OrderLinesExport export, OrderFilter filter) =>
        CollectedTable.OfAsync(writer => export.WriteAsync(filter, writer));

    public static Task<DataTable> GetAsync(this PurchasesExport export, PurchaseFilter filter) =>
        CollectedTable.OfAsync(writer => export.WriteAsync(filter, writer));
}
