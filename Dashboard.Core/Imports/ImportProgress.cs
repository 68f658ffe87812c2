namespace Dashboard.Core.Imports;

/// <summary>
/// Progress of a running import: rows so far, bytes of the file so far out of its length when known, and bytes of
/// content so far (for a .gz, decompressed bytes, blank lines included).
/// </summary>
public sealed record ImportProgress(int RowsRead, long BytesRead, long? TotalBytes, long ContentBytesRead = 0);
