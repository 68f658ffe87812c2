
namespace Dashboard.Core.Imports.Queue;

/// <summary>A file streamed to the uploads folder, waiting for its preview and commit.</summary>
public sealed record StagedUpload(string Id, string FileName, string Path, long Length, string Sha256);
