using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Imports.History;

/// <summary>The import history: every batch, newest first, and a batch's row-level findings as a CSV download.</summary>
public sealed class ImportHistoryQuery(IDbContextFactory<DashboardDbContext> contexts)
{
    public async Task<IReadOnlyList<BatchRow>> ListAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ImportBatches
            .OrderByDescending(b => b.Id)
            .Take(take)
            .Select(b => new BatchRow(b.Id, b.FileName, b.Format, b.State, b.IsSample, b.StartedAt, b.FinishedAt, b.UndoneAt,
                b.RowsRead, b.Inserted, b.Updated, b.Unchanged, b.Rejected, b.Duplicates, b.Error))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The rejected (and repeated) rows of a batch as CSV: row, kind, column, value, reason. Cells are neutralised
    /// against formula injection (<see cref="CsvTable"/>): an uploaded value such as <c>=HYPERLINK(...)</c> stays text.
    /// Null when there is no such batch.
    /// </summary>
    public async Task<string?> IssuesCsvAsync(long batchId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await context.ImportBatches.AnyAsync(b => b.Id == batchId, cancellationToken))
        {
            return null;
        }
        var issues = await context.ImportIssues
            .Where(i => i.BatchId == batchId)
            .OrderBy(i => i.RowNumber).ThenBy(i => i.Id)
            .Select(i => new { i.RowNumber, i.Kind, i.Column, i.Value, i.Reason })
            .ToListAsync(cancellationToken);
        var table = new CsvTable("row", "kind", "column", "value", "reason");
        foreach (var issue in issues)
        {
            table.Row(issue.RowNumber, issue.Kind.ToString(), issue.Column, issue.Value, issue.Reason);
        }
        return table.ToString();
    }
}
