
namespace Dashboard.Core.Imports.Queue;

/// <summary>Why an upload was refused (too large, not a CSV, already importing): a message for the user.</summary>
public class UploadRefusedException(string message) : Exception(message);
