namespace Dashboard.Core.Imports;

/// <summary>The file as a whole cannot be imported; the message says why in words its uploader can act on.</summary>
public sealed class ImportRejectedException(string message) : Exception(message);
