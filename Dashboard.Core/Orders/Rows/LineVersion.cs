namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// What one import batch set on an order line: the batch (<paramref name="BatchId"/>, its file and when it ran) and the
/// line's status, quantity and amount as that batch wrote them.
/// </summary>
public sealed record LineVersion(
    long BatchId,
    string FileName,
    DateTime ImportedAt,
    DateOnly Date,
    string Status,
    StatusGroup StatusGroup,
    int Qty,
    string? Currency,
    decimal? Amount);
