
namespace Dashboard.Core.Imports.Queue;

/// <summary>The upload is over <see cref="UploadOptions.MaxBytes"/> (HTTP 413).</summary>
public sealed class UploadTooLargeException(string message) : UploadRefusedException(message);
