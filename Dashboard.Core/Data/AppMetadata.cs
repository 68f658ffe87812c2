namespace Dashboard.Core.Data;

/// <summary>A key/value row of the store's own bookkeeping (e.g. the status mapping in force).</summary>
public sealed class AppMetadata
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
