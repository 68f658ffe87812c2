using Dashboard.Core.Data;
using System.Collections.Concurrent;
using Dashboard.Core.Imports.Csv;
using System.Globalization;
using Dashboard.Core.Imports.Formats;

namespace Dashboard.Core.Imports;

/// <summary>
/// Reads and parses rows on one thread while the writer stores them on another, so an import uses both cores:
/// parsed rows travel in chunks through a bounded queue (memory stays flat whatever the file's size). A problem
/// on either side stops both; the reader's own failure (a quote that never closes, bytes that are not UTF-8)
/// surfaces to the caller once the writer has stopped.
/// </summary>
internal static class RowPipeline
{
    private const int ChunkSize = 1024;
    private const int ChunksInFlight = 16;

    /// <summary>
    /// The longest field a row may have. The real export's longest (a list of promotion ids) is a few hundred
    /// characters; a field of megabytes is a broken export or an attack, and storing it would bloat every query.
    /// </summary>
    public const int MaxFieldLength = 32 * 1024;

    /// <summary>
    /// Records (blank lines included) the reader passes over without sending anything before it sends a chunk anyway:
    /// a file of nothing but blank lines still reports progress and can be cancelled.
    /// </summary>
    private const int RecordsPerHeartbeat = 64 * 1024;

    private sealed record Chunk<T>(Parsed<T>[] Rows, long BytesRead, long ContentBytesRead);

    private readonly record struct Parsed<T>(int RowNumber, T? Value, RowError? Error);

    public static void Run<T>(ImportInput input, CsvHeader header, RowParser<T> parse, IBatchWriter<T> writer, BatchCounts counts,
        ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) where T : class
    {
        using var chunks = new BlockingCollection<Chunk<T>>(ChunksInFlight);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Factory.StartNew(() => Read(input, header, parse, chunks, stop.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long bytesRead = 0;
        try
        {
            foreach (var chunk in chunks.GetConsumingEnumerable(stop.Token))
            {
                bytesRead = chunk.BytesRead;
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var row in chunk.Rows)
                {
                    counts.RowsRead++;
                    if (row.Value is null)
                    {
                        var error = row.Error!;
                        counts.Rejected++;
                        counts.AddIssue(new ImportIssueSummary(IssueKind.Rejected, row.RowNumber, error.Column, error.Value, error.Reason));
                    }
                    else
                    {
                        writer.Write(row.Value, row.RowNumber);
                    }
                    if (counts.RowsRead % options.ProgressEvery == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                // Once a chunk: a file of blank lines sends empty chunks, so its progress shows too.
                progress?.Report(new ImportProgress(counts.RowsRead, bytesRead, input.Length, chunk.ContentBytesRead));
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                reader.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // the writer's failure is the one to report
            }
            throw;
        }

        reader.GetAwaiter().GetResult(); // the reader's own failure, if it had one
        cancellationToken.ThrowIfCancellationRequested();
        writer.Complete();
        progress?.Report(new ImportProgress(counts.RowsRead, input.Length ?? bytesRead, input.Length, input.ContentBytesRead));
    }

    private static RowError? TooLongField(CsvRecordReader csv, CsvHeader header)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var field = csv[i];
            if (field.Length > MaxFieldLength)
            {
                var column = i < header.Count ? header.Names[i] : $"field {i + 1}";
                return RowError.For(column, field,
                    string.Create(CultureInfo.InvariantCulture, $"a value of {field.Length:N0} characters; the longest accepted is {MaxFieldLength:N0}"));
            }
        }
        return null;
    }

    /// <summary>
    /// A NUL (U+0000) in a field: PostgreSQL cannot keep it as text, so neither store keeps the row (decision 0017). The
    /// value is shown with the NUL replaced.
    /// </summary>
    private static RowError NulField(CsvRecordReader csv, CsvHeader header, int field) =>
        RowError.For(field < header.Count ? header.Names[field] : $"field {field + 1}", TextLimits.Storable(csv.GetString(field)),
            "the value holds a NUL character (U+0000), which the store cannot keep as text; the row is not kept");

    private static void Read<T>(ImportInput input, CsvHeader header, RowParser<T> parse, BlockingCollection<Chunk<T>> chunks, CancellationToken stop)
        where T : class
    {
        try
        {
            var csv = input.Csv;
            var rows = new List<Parsed<T>>(ChunkSize);
            var sinceLastChunk = 0;
            while (csv.Read())
            {
                if (++sinceLastChunk == RecordsPerHeartbeat)
                {
                    // Blank lines hold no data but cost time: progress and cancellation must not wait for a real row.
                    stop.ThrowIfCancellationRequested();
                    chunks.Add(new Chunk<T>([.. rows], input.BytesRead, input.ContentBytesRead), stop);
                    rows.Clear();
                    sinceLastChunk = 0;
                }
                if (csv.FieldCount == 1 && csv[0].IsEmpty)
                {
                    continue; // a blank line holds no data
                }
                var rowNumber = checked((int)csv.RecordNumber); // the header is row 1, as a spreadsheet shows it
                T? value;
                RowError? error;
                // One comparison per row: only a row longer than the limit can hold a field over it.
                if (csv.RecordLength > MaxFieldLength && TooLongField(csv, header) is { } tooLong)
                {
                    (value, error) = (null, tooLong);
                }
                else if (csv.FieldHolding('\0') is >= 0 and var nul)
                {
                    (value, error) = (null, NulField(csv, header, nul));
                }
                else if (!csv.EndsWithLineBreak && csv.FieldCount < header.Count)
                {
                    (value, error) = (null, new RowError(null, null, string.Create(CultureInfo.InvariantCulture,
                        $"The file ends in the middle of this row (no line break, {csv.FieldCount} of the header's {header.Count} fields): it looks cut short, so the row is not kept.")));
                }
                else
                {
                    value = parse(csv, rowNumber, out error);
                }
                rows.Add(new Parsed<T>(rowNumber, value, error));
                if (rows.Count == ChunkSize)
                {
                    chunks.Add(new Chunk<T>([.. rows], input.BytesRead, input.ContentBytesRead), stop);
                    rows.Clear();
                    sinceLastChunk = 0;
                }
            }
            if (rows.Count > 0)
            {
                chunks.Add(new Chunk<T>([.. rows], input.BytesRead, input.ContentBytesRead), stop);
            }
        }
        finally
        {
            chunks.CompleteAdding();
        }
    }
}
