namespace Dashboard.Core.Imports.Formats;

/// <summary>Why one row cannot be imported: the column, the value as written, and the reason.</summary>
public sealed record RowError(string? Column, string? Value, string Reason)
{
    /// <summary>Values are shown to people; a pathological field is cut, not stored whole.</summary>
    public const int MaxValueLength = 200;

    public static RowError For(string column, ReadOnlySpan<char> value, string reason) =>
        new(column, value.Length > MaxValueLength ? string.Concat(value[..MaxValueLength], "…") : value.ToString(), reason);
}
