namespace Dashboard.Core.Imports.Queue;

/// <summary>
/// A file streamed to the uploads folder, waiting for its preview and commit; <see cref="Trace"/> is its upload's span, so
/// that the import that follows is in the same trace.
/// </summary>
public sealed record StagedUpload(string Id, string FileName, string Path, long Length, string Sha256)
{
    public System.Diagnostics.ActivityContext Trace { get; init; }
}
