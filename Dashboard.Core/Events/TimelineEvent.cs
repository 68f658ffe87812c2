namespace Dashboard.Core.Events;

/// <summary>
/// A label on a day or a range of days of the timeline ("Prime Day", "kurta out of stock"), for every category and state
/// or only for one <see cref="Category"/> and/or <see cref="State"/>. <see cref="ExcludeFromModels"/>: its days are left
/// out of a forecast's fit and of anomaly detection for the filters its scope covers (<see cref="TimelineEvents.Covers"/>).
/// </summary>
public sealed class TimelineEvent
{
    public long Id { get; set; }
    public required string Label { get; set; }
    public DateOnly Start { get; set; }
    /// <summary>Inclusive; the same as <see cref="Start"/> for a single day.</summary>
    public DateOnly End { get; set; }
    public string? Category { get; set; }
    public string? State { get; set; }
    public bool ExcludeFromModels { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsSingleDay => Start == End;
}
