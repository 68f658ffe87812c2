using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dashboard.Core.Orders.Rollup;
using Dashboard.Core.Data;
using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Imports.Formats;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Orders;
using Dashboard.Core.Telemetry;
using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Dashboard.Core.Imports;

/// <summary>
/// Imports one file as one batch. The file's rows are written in a single transaction: a batch is all or
/// nothing, and a crash or a fatal error halfway leaves the database as it was. The batch itself is recorded
/// first (state Running) and finished with its counts and row-level findings, or marked Failed with the reason.
/// </summary>
public sealed class ImportService(
    DashboardStore store,
    StatusGroupMapping statusGroups,
    DataVersion dataVersion,
    TimeProvider time,
    ILogger<ImportService> logger,
    LargeStoreUpkeep largeStore,
    ImportLimits? limits = null,
    IImportStageObserver? stages = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    public ImportLimits Limits => _limits;

    /// <summary>How many findings the summary itself lists (all are stored with the batch, up to a limit).</summary>
    public const int SummaryIssues = 20;

    /// <summary>
    /// Imports one file. <c>gate</c> decides the commit against a cancel (<see cref="ImportQueue"/>'s jobs): a cancel
    /// through it that comes before the commit stops the import, even once every row is written. Without one, only the
    /// cancellation token stops the import, while it reads rows.
    /// </summary>
    public ImportSummary Import(Stream content, string fileName, ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default, CommitGate? gate = null)
    {
        var run = new Run(TextLimits.Shorten(fileName, TextLimits.FileName)!, options ?? new ImportOptions());
        using var connection = store.OpenConnection();
        store.Kind.PrepareForImport(connection);
        try
        {
            // One import at a time across instances that share the store (SQLite's write lock already makes it so).
            using var importing = store.Kind.Lock(connection, StoreWork.Import, cancellationToken);
            using var input = ImportInput.Open(content, _limits);
            var header = ReadHeader(input.Csv, run);
            if (!run.Options.DryRun)
            {
                run.BatchId = StartBatch(connection, run.FileName, run.Format, run.Options.IsSample, BatchState.Running);
            }
            using var transaction = connection.BeginTransaction();
            stages?.Reached(ImportStage.ReadingRows);
            WriteRows(connection, transaction, input, header, run, progress, cancellationToken);
            CheckRows(connection, transaction, run);
            Keep(connection, transaction, run, gate);
            logger.LogInformation("Imported {File} as {Format}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Seconds:F1} s",
                run.FileName, run.Format, run.Counts.Inserted, run.Counts.Updated, run.Counts.Unchanged, run.Counts.Rejected, run.Clock.Elapsed.TotalSeconds);
            return Summary(run, BatchState.Succeeded, null);
        }
        catch (Exception e) when (e is ImportRejectedException or OperationCanceledException
            || (IsInterrupt(e) && cancellationToken.IsCancellationRequested))
        {
            // A message can quote the file (a header of a million columns): it is kept and shown bounded.
            var reason = e is ImportRejectedException ? TextLimits.Shorten(e.Message, TextLimits.Message)! : "The import was cancelled; nothing was changed.";
            logger.LogWarning("Import of {File} refused: {Reason}", run.FileName, reason);
            run.BatchId = RecordFailure(connection, run, reason);
            return Summary(run, BatchState.Failed, reason);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import of {File} failed", run.FileName);
            RecordFailure(connection, run, TextLimits.Shorten($"The import failed and nothing was changed: {e.Message}", TextLimits.Message)!);
            throw;
        }
    }

    /// <summary>Reads the header and recognises the file's format; a file that has none is refused.</summary>
    private static CsvHeader ReadHeader(CsvRecordReader csv, Run run)
    {
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Parse);
        try
        {
            if (!csv.Read() || (csv.FieldCount == 1 && csv[0].IsEmpty))
            {
                throw new ImportRejectedException("The file is empty.");
            }
            var header = CsvHeader.Read(csv);
            run.Format = DataFormats.Recognise(header);
            return header;
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            throw new ImportRejectedException(Describe(e, csv));
        }
    }

    /// <summary>Writes the file's rows in the batch's transaction; a damaged file is refused.</summary>
    private void WriteRows(DbConnection connection, DbTransaction transaction, ImportInput input, CsvHeader header, Run run,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Write);
        try
        {
            // A long statement (the index build after a first load, PostgreSQL's upsert) stops too when the import is cancelled.
            using (cancellationToken.Register(() => store.Kind.Interrupt(connection)))
            {
                ImportRows(connection, transaction, input, header, run.Format!.Value, run.Counts, run.Options, run.BatchId ?? 0, progress, cancellationToken);
            }
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            throw new ImportRejectedException(Describe(e, input.Csv));
        }
        run.ContentHash = input.ContentHash();
    }

    /// <summary>Refuses a file of no rows, of no row that could be imported, or of purchases already imported.</summary>
    private static void CheckRows(DbConnection connection, DbTransaction transaction, Run run)
    {
        var counts = run.Counts;
        if (counts.RowsRead == 0)
        {
            throw new ImportRejectedException("The file has a header but no rows.");
        }
        if (counts.Rejected == counts.RowsRead)
        {
            var first = counts.Issues.First(i => i.Kind == IssueKind.Rejected);
            throw new ImportRejectedException(
                $"None of the {counts.RowsRead:N0} rows could be imported. The first, row {first.Row}: {Where(first)}{first.Reason}.");
        }
        if (run.Format is DataFormat.Purchases or DataFormat.PurchasesToScore && !run.Options.IsSample)
        {
            RefuseRepeatedFile(connection, transaction, run.ContentHash!);
        }
    }

    /// <summary>
    /// Commits the batch with its counts and findings (a dry run keeps nothing), unless a cancel came through
    /// <paramref name="gate"/> first: then nothing is kept, as when the rows were being read.
    /// </summary>
    private void Keep(DbConnection connection, DbTransaction transaction, Run run, CommitGate? gate)
    {
        stages?.Reached(ImportStage.FinishingBatch);
        if (!run.Options.DryRun)
        {
            FinishBatch(connection, transaction, run.BatchId!.Value, BatchState.Succeeded, run.Counts, run.ContentHash, null);
            dataVersion.Record(connection, transaction);
        }
        stages?.Reached(ImportStage.Committing);
        if (gate?.TryPass() == false)
        {
            throw new OperationCanceledException("The import was cancelled before its commit.");
        }
        if (run.Options.DryRun)
        {
            transaction.Rollback();
            return;
        }
        transaction.Commit();
        dataVersion.Bump();
        stages?.Reached(ImportStage.Committed);
    }

    private static bool IsInterrupt(Exception e) =>
        DashboardStore.IsInterrupt(e) || e.InnerException is { } inner && IsInterrupt(inner);

    private void ImportRows(DbConnection connection, DbTransaction transaction, ImportInput input, CsvHeader header,
        DataFormat format, BatchCounts counts, ImportOptions options, long batchId, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (format == DataFormat.AmazonOrders)
        {
            // A day of grace: an export stamped in a time zone ahead of ours is not "in the future".
            var latest = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
            var parser = new AmazonOrderRowParser(header, statusGroups, latest, _limits.MaxLineAmount);
            // Where the store keeps its rollup (LargeStoreUpkeep), the days this batch touches are written again in its
            // transaction. A batch that leaves no line of before (a first load, or the first real import, which replaces the
            // sample), or one into a store that does not keep it, settles the rollup and the large store's indexes afterwards:
            // written whole if the store is now large enough to keep them, dropped if not.
            var rewriteDays = !options.DryRun && LargeStoreUpkeep.IsKept(connection, transaction) && connection.Scalar(
                $"SELECT COUNT(*) FROM (SELECT 1 FROM order_lines {(options.IsSample ? "" : "WHERE is_sample = FALSE")} LIMIT 1) AS stored;",
                transaction) is not 0L;
            if (rewriteDays)
            {
                RollupWriter.Begin(store.Kind, connection, transaction);
            }
            using (var writer = store.Kind.OrderLineWriter(connection, transaction, new BatchContext(counts, options.IsSample, batchId)))
            {
                RowPipeline.Run(input, header, (CsvRecordReader row, int _, out RowError? error) => parser.Parse(row, out error),
                    writer, counts, options, progress, cancellationToken);
            }
            if (options.DryRun)
            {
                return;
            }
            using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Rollup);
            if (rewriteDays)
            {
                RollupWriter.AddDaysOfBatch(connection, transaction, batchId);
                RollupWriter.RewriteDays(store.Kind, connection, transaction);
            }
            else
            {
                largeStore.Settle(store.Kind, connection, transaction, stale: true);
            }
        }
        else
        {
            var parser = new PurchaseRowParser(header, _limits.MaxPurchase);
            using var writer = store.Kind.PurchaseWriter(connection, transaction, new BatchContext(counts, options.IsSample, batchId));
            RowPipeline.Run(input, header, (CsvRecordReader row, int rowNumber, out RowError? error) => parser.Parse(row, rowNumber - 1, out error),
                writer, counts, options, progress, cancellationToken);
        }
    }

    private static void RefuseRepeatedFile(DbConnection connection, DbTransaction transaction, string contentHash)
    {
        using var command = connection.Command("""
            SELECT id, file_name, started_at FROM import_batches
            WHERE content_hash = @hash AND state = 'Succeeded' AND is_sample = FALSE ORDER BY id LIMIT 1;
            """, transaction).With("@hash", contentHash);
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            throw new ImportRejectedException(
                $"This file was already imported as batch {reader.GetInt64(0)} ('{reader.GetString(1)}', {reader.GetString(2)[..16]} UTC) " +
                "with the same content; importing it again would count every purchase twice.");
        }
    }

    private long StartBatch(DbConnection connection, string fileName, DataFormat? format, bool isSample, BatchState state)
    {
        using var command = connection.Command("""
            INSERT INTO import_batches (file_name, format, state, is_sample, started_at)
            VALUES (@file, @format, @state, @sample, @started) RETURNING id;
            """)
            .With("@file", fileName)
            .With("@format", format?.ToString())
            .With("@state", state.ToString())
            .With("@sample", isSample)
            .With("@started", Timestamp());
        return (long)command.ExecuteScalar()!;
    }

    private void FinishBatch(DbConnection connection, DbTransaction? transaction, long batchId, BatchState state,
        BatchCounts counts, string? contentHash, string? error)
    {
        using (var command = connection.Command("""
            UPDATE import_batches SET state = @state, content_hash = @hash, finished_at = @finished, rows_read = @read,
                inserted = @inserted, updated = @updated, unchanged = @unchanged, rejected = @rejected,
                duplicates = @duplicates, error = @error
            WHERE id = @id;
            """, transaction))
        {
            command.With("@state", state.ToString()).With("@hash", contentHash).With("@finished", Timestamp())
                .With("@read", (long)counts.RowsRead).With("@inserted", (long)counts.Inserted).With("@updated", (long)counts.Updated)
                .With("@unchanged", (long)counts.Unchanged).With("@rejected", (long)counts.Rejected)
                .With("@duplicates", (long)counts.Duplicates).With("@error", error).With("@id", batchId)
                .ExecuteNonQuery();
        }
        if (state != BatchState.Succeeded)
        {
            return;
        }
        using var insert = connection.Command("""
            INSERT INTO import_issues (batch_id, kind, row_number, column_name, value, reason)
            VALUES (@batch, @kind, @row, @column, @value, @reason);
            """, transaction)
            .With("@batch", batchId).With("@kind", "").With("@row", 0L).With("@column", "").With("@value", "").With("@reason", "");
        foreach (var issue in counts.Issues)
        {
            insert.Parameters[1].Value = issue.Kind.ToString();
            insert.Parameters[2].Value = (long)issue.Row;
            insert.Parameters[3].Value = (object?)issue.Column ?? DBNull.Value;
            insert.Parameters[4].Value = (object?)issue.Value ?? DBNull.Value;
            insert.Parameters[5].Value = issue.Reason;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Records a refused or failed file as a Failed batch (not for a dry run); returns its id.</summary>
    private long? RecordFailure(DbConnection connection, Run run, string reason)
    {
        if (run.Options.DryRun)
        {
            return null;
        }
        var batchId = run.BatchId;
        try
        {
            batchId ??= StartBatch(connection, run.FileName, run.Format, run.Options.IsSample, BatchState.Failed);
            FinishBatch(connection, null, batchId.Value, BatchState.Failed, new BatchCounts(), run.ContentHash, reason);
        }
        catch (DbException e)
        {
            logger.LogError(e, "Could not record the failure of batch {Batch}", batchId);
        }
        return batchId;
    }

    /// <summary>
    /// Marks batches left Running by a process that stopped mid-import as Failed (their rows were rolled back).
    /// A running import holds the write lock for its whole length, so if the lock is free, nothing is running.
    /// </summary>
    public int MarkInterruptedBatches()
    {
        using var connection = store.Kind.OpenConnectionThatDoesNotWait();
        try
        {
            // Where instances share the store, the import lock says whether another is importing (it is released when that instance dies).
            if (!store.Kind.TryLock(connection, StoreWork.Import, out var importing))
            {
                return 0;
            }
            using var held = importing;
            using var transaction = connection.BeginTransaction();
            using var command = connection.Command("""
                UPDATE import_batches SET state = 'Failed', finished_at = @now,
                    error = 'The import was interrupted (the process stopped); none of its rows were kept.'
                WHERE state = 'Running';
                """, transaction).With("@now", Timestamp());
            var marked = command.ExecuteNonQuery();
            transaction.Commit();
            return marked;
        }
        catch (Exception e) when (DashboardStore.IsBusy(e)) // an import is running in another process
        {
            return 0;
        }
    }

    private static ImportSummary Summary(Run run, BatchState state, string? error)
    {
        var counts = run.Counts;
        return new()
        {
            BatchId = run.BatchId,
            FileName = run.FileName,
            Format = run.Format,
            State = state,
            DryRun = run.Options.DryRun,
            ContentHash = run.ContentHash,
            RowsRead = counts.RowsRead,
            Inserted = error is null ? counts.Inserted : 0,
            Updated = error is null ? counts.Updated : 0,
            Unchanged = error is null ? counts.Unchanged : 0,
            Rejected = counts.Rejected,
            Duplicates = counts.Duplicates,
            StatusChanges = counts.StatusChanges
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key.From, StringComparer.Ordinal)
                .Select(p => new StatusChange(p.Key.From, p.Key.To, p.Value)).ToList(),
            FirstDate = counts.FirstDate,
            LastDate = counts.LastDate,
            Currencies = counts.Currencies.ToList(),
            Issues = counts.Issues.Take(SummaryIssues).ToList(),
            Error = error,
            Seconds = Math.Round(run.Clock.Elapsed.TotalSeconds, 3),
        };
    }

    private static bool IsFileProblem(Exception e) =>
        e is CsvFormatException or DecoderFallbackException or InvalidDataException or ImportRejectedException;

    private static string Describe(Exception e, CsvRecordReader csv) => e switch
    {
        ImportRejectedException => e.Message,
        CsvFormatException => e.Message,
        DecoderFallbackException => $"The file is not UTF-8 text (an invalid byte near line {csv.LineNumber}). " +
            "Save it as 'CSV UTF-8' and upload it again; if it contains binary data, it is not a CSV export.",
        InvalidDataException => "The file looks compressed (gzip) but cannot be decompressed: it is damaged or not a gzip file.",
        _ => e.Message,
    };

    private static string Where(ImportIssueSummary issue) => issue.Column is null ? "" : $"column '{issue.Column}' ('{issue.Value}'): ";

    private string Timestamp() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>What one import knows as it goes: the file, and what has been read and recorded of it.</summary>
    private sealed class Run(string fileName, ImportOptions options)
    {
        public string FileName { get; } = fileName;
        public ImportOptions Options { get; } = options;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public BatchCounts Counts { get; } = new();
        public DataFormat? Format { get; set; }
        public long? BatchId { get; set; }
        public string? ContentHash { get; set; }
    }
}
