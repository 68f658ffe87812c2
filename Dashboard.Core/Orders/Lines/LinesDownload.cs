using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Orders.Lines;

/// <summary>Where a download's lines go (<see cref="IOrdersData.StreamLinesAsync"/>): its writer, a batch of at most <paramref name="BatchRows"/> rows at a time, and the store the text is read from.</summary>
public sealed record LinesDownload(ITableWriter Writer, int BatchRows, IDbContextFactory<DashboardDbContext> Contexts);
