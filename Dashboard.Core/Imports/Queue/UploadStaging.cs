using Dashboard.Core.Data;
using Dashboard.Core.Telemetry;
using System.Security.Cryptography;

namespace Dashboard.Core.Imports.Queue;

/// <summary>
/// Streams an upload to disk in small buffers (never whole in memory), counting bytes against
/// <see cref="UploadOptions.MaxBytes"/> as they arrive and hashing them on the way.
/// </summary>
public sealed class UploadStaging
{
    private static readonly string[] Extensions = [".csv", ".csv.gz"];

    public UploadStaging(UploadOptions options, string contentRoot)
    {
        MaxBytes = options.MaxBytes;
        KeepStaged = options.KeepStaged;
        Folder = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, options.Folder));
    }

    public long MaxBytes { get; }
    public TimeSpan KeepStaged { get; }
    public string Folder { get; }

    /// <summary>Refuses a name that is not a CSV export, or a declared size over the limit, before any byte is sent.</summary>
    public void Check(string fileName, long? declaredLength)
    {
        if (!Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new UploadRefusedException($"'{TextLimits.Shorten(fileName, TextLimits.FileName)}' is not a CSV export: upload a .csv or .csv.gz file.");
        }
        if (declaredLength > MaxBytes)
        {
            throw new UploadTooLargeException(TooLarge(fileName));
        }
    }

    public async Task<StagedUpload> SaveAsync(Stream content, string fileName, IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Check(fileName, null);
        using var span = DashboardTelemetry.Source.StartActivity(DashboardTelemetry.Spans.Upload);
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(Folder, id + (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz" : ".csv"));
        var buffer = new byte[81920];
        long length = 0;
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                    {
                        throw new UploadTooLargeException(TooLarge(fileName));
                    }
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(length);
                }
            }
            if (length == 0)
            {
                throw new UploadRefusedException($"'{TextLimits.Shorten(fileName, TextLimits.FileName)}' is empty.");
            }
            return new StagedUpload(id, TextLimits.Shorten(System.IO.Path.GetFileName(fileName), TextLimits.FileName)!, path, length, Convert.ToHexStringLower(sha.GetHashAndReset()))
            {
                Trace = span?.Context ?? default,
            };
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public static void Discard(StagedUpload upload) => File.Delete(upload.Path);

    /// <summary>
    /// Deletes staged files older than <paramref name="maxAge"/>: a preview the API staged and nobody committed
    /// would otherwise stay until a restart. Files of jobs still queued or running (<paramref name="inUse"/>) stay.
    /// Returns how many were deleted.
    /// </summary>
    public int Expire(TimeSpan maxAge, IReadOnlySet<string> inUse, DateTime? nowUtc = null)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }
        var cutoff = (nowUtc ?? DateTime.UtcNow) - maxAge;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (inUse.Contains(file) || File.GetLastWriteTimeUtc(file) > cutoff)
            {
                continue;
            }
            try
            {
                File.Delete(file);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // in use right now: the next round deletes it
            }
        }
        return deleted;
    }

    /// <summary>Removes files a stopped process left behind (no job outlives the process).</summary>
    public void Clear()
    {
        if (Directory.Exists(Folder))
        {
            foreach (var file in Directory.EnumerateFiles(Folder))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A byte count as people read it: "512 MB", "9.8 KB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    private string TooLarge(string fileName) =>
        $"'{TextLimits.Shorten(fileName, TextLimits.FileName)}' is larger than the upload limit of {Size(MaxBytes)} (Uploads:MaxBytes in appsettings.json); " +
        "nothing was imported. Compress it as .csv.gz, or split the export.";
}
