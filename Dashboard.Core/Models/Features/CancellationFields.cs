namespace Dashboard.Core.Models.Features;

/// <summary>
/// The descriptive fields of an order line that the cancellation model reads, as a What-if question asks them
/// (<see cref="Scoring.CancellationRequest"/>) and as the model takes them once checked (<see cref="CancellationInput"/>).
/// Any of them may be missing: the model has a level for that.
/// </summary>
public abstract record CancellationFields
{
    public string? City { get; init; }
    public string? State { get; init; }
    /// <summary>The line amount in the currency's major unit (rupees); a What-if question must give it.</summary>
    public decimal? Amount { get; init; }
    public string? Category { get; init; }
    public string? Size { get; init; }
    public string? Fulfilment { get; init; }
    public string? SalesChannel { get; init; }
    public string? ServiceLevel { get; init; }
}
